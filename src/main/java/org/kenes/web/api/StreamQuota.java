package org.kenes.web.api;

import java.util.HashMap;
import java.util.Map;

/**
 * How many live streams this instance serves at once, per account and in all: each one watches the store every few
 * seconds and recomputes its snapshot after every save, so a few hundred would take a core.
 */
public final class StreamQuota {

  static final int PER_ACCOUNT = 8;
  static final int PER_SERVER = 200;

  private final int perAccount;
  private final int perServer;
  private final Map<String, Integer> byAccount = new HashMap<>();
  private int total;

  public StreamQuota(int perAccount, int perServer) {
    this.perAccount = perAccount;
    this.perServer = perServer;
  }

  /** Why a new stream of {@code account} cannot be served now, or null once it has taken its place. */
  public synchronized String take(String account) {
    if (byAccount.getOrDefault(account, 0) >= perAccount) {
      return "this account has " + perAccount + " live streams open already; close a dashboard to open another";
    }
    if (total >= perServer) {
      return "this server serves " + perServer + " live streams already; try again in a minute";
    }
    byAccount.merge(account, 1, Integer::sum);
    total++;
    return null;
  }

  /** A stream taken by {@code account} has ended. */
  public synchronized void release(String account) {
    Integer held = byAccount.get(account);
    if (held == null) {
      return;
    }
    if (held == 1) {
      byAccount.remove(account);
    } else {
      byAccount.put(account, held - 1);
    }
    total--;
  }
}

package org.kenes.store;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * The embedded server's credentials: mongo-java-server has no authentication of its own, so its port would serve
 * anyone on the machine. Every connection must first sign in with SASL PLAIN (RFC 4616) as {@value #USER} with a
 * secret drawn at each start, which the driver sends when the connection string carries it; until then a connection
 * gets only the handshake. The string is kept in the owner-only data folder for tools and a second instance.
 */
final class StoreSecret {

  static final String USER = "kenes";
  /**
   * What a connection may ask before signing in: the driver's handshake and monitoring (which asks the connection's
   * own last error for its id), and signing in itself.
   */
  private static final Set<String> BEFORE_SIGN_IN = Set.of("ismaster", "hello", "getlasterror", "saslstart", "ping");
  private static final AttributeKey<Boolean> SIGNED_IN = AttributeKey.valueOf("kenes.signedIn");
  private static final int UNAUTHORIZED = 13;
  private static final int AUTHENTICATION_FAILED = 18;

  private final byte[] secret;

  private StoreSecret(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  static StoreSecret random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new StoreSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The connection string that signs in to a server on {@code address} (host:port). */
  String uri(String address) {
    return "mongodb://" + USER + ":" + new String(secret, StandardCharsets.UTF_8) + "@" + address
        + "/?authSource=%24external&authMechanism=PLAIN";
  }

  /** Refuses a command on a connection that has not signed in, unless it belongs to the handshake. */
  void checkCommand(Channel channel, String command) {
    if (!BEFORE_SIGN_IN.contains(command.toLowerCase(Locale.ROOT))) {
      check(channel, "command " + command);
    }
  }

  /** Refuses a query of the legacy wire protocol on a connection that has not signed in. */
  void checkQuery(Channel channel) {
    check(channel, "a query");
  }

  private static void check(Channel channel, String what) {
    if (!Boolean.TRUE.equals(channel.attr(SIGNED_IN).get())) {
      throw new MongoServerError(UNAUTHORIZED, "Unauthorized", what + " requires authentication");
    }
  }

  /** {@code saslStart} with mechanism PLAIN: one step; the connection is signed in after. */
  Document signIn(Channel channel, Document command) {
    Object payload = command.get("payload");
    boolean plain = "PLAIN".equals(command.get("mechanism"));
    byte[] given = payload instanceof BinData b ? b.getData() : new byte[0];
    if (!plain || !matches(given)) {
      throw new MongoServerError(AUTHENTICATION_FAILED, "AuthenticationFailed", "Authentication failed.");
    }
    channel.attr(SIGNED_IN).set(Boolean.TRUE);
    Document response = new Document("conversationId", 1).append("done", Boolean.TRUE)
        .append("payload", new BinData(new byte[0]));
    Utils.markOkay(response);
    return response;
  }

  /** RFC 4616: {@code [authzid] NUL authcid NUL passwd}; the driver names the user as both identities. */
  private boolean matches(byte[] message) {
    String[] parts = new String(message, StandardCharsets.UTF_8).split("\0", -1);
    return parts.length == 3 && (parts[0].isEmpty() || parts[0].equals(USER)) && parts[1].equals(USER)
        && MessageDigest.isEqual(secret, parts[2].getBytes(StandardCharsets.UTF_8));
  }

}

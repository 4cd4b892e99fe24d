package org.kenes.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.kenes.discussion.Moderation;
import org.kenes.discussion.Post;
import org.kenes.discussion.Thread;

/**
 * A study's discussions as CSV, one row a post ({@code item,post,parent,tag,author,panel,agreements,pinned,hidden,
 * text}): who wrote it only as panelists see it (a panel large enough, else "participant"); a hidden post with its
 * reason instead of its text; posts held for review left out.
 */
public final class DiscussionsCsv {

  public static final String[] HEADER = {"item", "post", "parent", "tag", "author", "panel", "agreements", "pinned",
      "hidden", "text"};

  private DiscussionsCsv() {}

  public static void write(List<Moderation.ItemThread> threads, Appendable out) {
    try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").get().print(out)) {
      for (Moderation.ItemThread thread : threads) {
        for (Thread.Entry e : thread.entries()) {
          row(printer, e);
          for (Thread.Entry reply : e.replies()) {
            row(printer, reply);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void row(CSVPrinter p, Thread.Entry e) throws IOException {
    Post post = e.post();
    if (post.state() == Post.State.HELD) {
      return;
    }
    boolean hidden = post.state() == Post.State.HIDDEN;
    p.printRecord(post.item(), post.id(), post.parent(), post.tag() == null ? null : post.tag().key(),
        e.author().key(), e.panel(), e.agreements(), post.pinned(), hidden ? post.reason() : null,
        hidden ? null : post.text());
  }
}

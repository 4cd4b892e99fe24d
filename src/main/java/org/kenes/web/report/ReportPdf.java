package org.kenes.web.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.kenes.common.TooMany;
import org.kenes.web.Views;

/**
 * The report as a PDF: the page's template rendered with the same model (in its print form, {@code forPdf}), read
 * into a DOM by jsoup and laid out by openhtmltopdf on PDFBox, so text stays text and the SVG charts stay vector
 * (Batik). Layout takes a worker thread, never the event loop. The font is DejaVu Sans, shipped in the jar
 * (src/main/resources/fonts, from Debian's fonts-dejavu-core; its licence beside it): Latin, Cyrillic and the
 * symbols the report uses, embedded as a subset, whatever fonts the machine has. The PDF is tagged (PDF/UA) for
 * screen readers.
 *
 * <p>Layout is costly (a second or two for a small report, some 40 ms and megabytes per item): at most
 * {@link #RENDERERS} reports are laid out at once per instance, on workers of their own, {@value #QUEUE} at most wait
 * or run, and more are told to try again ({@link TooMany}). A report that can no longer change (every round closed)
 * is kept once laid out, under a key that changes with its study's version.
 */
final class ReportPdf {

  /** Reports laid out at once: half the cores, so that saves and pages keep theirs. */
  static final int RENDERERS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  /** Reports waiting or being laid out at once. */
  static final int QUEUE = 8;
  /** PDFs kept, in bytes: a dozen large reports or hundreds of small ones. */
  private static final long KEPT_BYTES = 64L * 1024 * 1024;
  private static final int RETRY_SECONDS = 30;
  private static final String FAMILY = "DejaVu Sans";
  private static volatile Path[] fonts;
  private final Vertx vertx;
  private final Views views;
  private final WorkerExecutor workers;
  private final AtomicInteger queued = new AtomicInteger();
  /** Least recently used first. */
  private final LinkedHashMap<String, Buffer> kept = new LinkedHashMap<>(16, 0.75f, true);
  private long keptBytes;

  ReportPdf(Vertx vertx, Views views) {
    this.vertx = vertx;
    this.views = views;
    this.workers = vertx.createSharedWorkerExecutor("kenes-pdf", RENDERERS);
  }

  /**
   * The PDF of a report: the one kept under {@code keepAs} if there is one, else laid out from {@code model} (and kept
   * under {@code keepAs}, unless it is null: a report still changing).
   */
  Future<Buffer> render(String keepAs, Supplier<Future<JsonObject>> model) {
    Buffer known = keepAs == null ? null : kept(keepAs);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    if (queued.incrementAndGet() > QUEUE) {
      queued.decrementAndGet();
      return Future.failedFuture(new TooMany("the server is laying out " + QUEUE + " reports already; try again in a "
          + "moment", RETRY_SECONDS));
    }
    return model.get()
        .compose(m -> views.render("report", m.put("forPdf", true)))
        .compose(html -> workers.executeBlocking(() -> pdf(html.toString()), true))
        .onComplete(r -> queued.decrementAndGet())
        .onSuccess(pdf -> {
          if (keepAs != null) {
            keep(keepAs, pdf);
          }
        });
  }

  private synchronized Buffer kept(String key) {
    return kept.get(key);
  }

  private synchronized void keep(String key, Buffer pdf) {
    if (pdf.length() > KEPT_BYTES / 8) {
      return;
    }
    Buffer before = kept.put(key, pdf);
    keptBytes += pdf.length() - (before == null ? 0 : before.length());
    for (Iterator<Buffer> eldest = kept.values().iterator(); keptBytes > KEPT_BYTES && eldest.hasNext(); ) {
      keptBytes -= eldest.next().length();
      eldest.remove();
    }
  }

  static Buffer pdf(String html) throws IOException {
    Document document = Jsoup.parse(html);
    // Batik reads the charts' font from the SVG itself, not from the page's CSS.
    document.select("svg").attr("font-family", FAMILY);
    // A tagged PDF (PDF/UA) gives each figure a text alternative: a chart's own title and description.
    for (Element svg : document.select("svg")) {
      svg.attr("alt", (svg.select("title").text() + " " + svg.select("desc").text()).strip());
    }
    // Measured with openhtmltopdf 1.1.31: SVG text of exactly font-size 12 came out as specks (13 was right), so the
    // PDF draws those labels a little larger.
    document.select("svg text[font-size=12]").attr("font-size", "12.5");
    Path[] files = fontFiles();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withProducer("Kenes");
    // Tagged for screen readers (PDF/UA): headings, tables, lists and figures in the document's structure.
    builder.usePdfUaAccessbility(true);
    builder.useSVGDrawer(new BatikSVGDrawer());
    EnumSet<FSFontUseCase> uses = EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_PRE);
    builder.useFont(files[0].toFile(), FAMILY, 400, FontStyle.NORMAL, true, uses);
    builder.useFont(files[1].toFile(), FAMILY, 700, FontStyle.NORMAL, true, uses);
    builder.withW3cDocument(new W3CDom().fromJsoup(document), "/");
    builder.toStream(out);
    builder.run();
    return Buffer.buffer(out.toByteArray());
  }

  /** The fonts as files, written once per process: Batik's SVG text takes fonts only from files. */
  private static Path[] fontFiles() {
    Path[] known = fonts;
    if (known != null) {
      return known;
    }
    synchronized (ReportPdf.class) {
      if (fonts == null) {
        fonts = new Path[] {copy("DejaVuSans.ttf"), copy("DejaVuSans-Bold.ttf")};
      }
      return fonts;
    }
  }

  private static Path copy(String name) {
    try (InputStream in = ReportPdf.class.getResourceAsStream("/fonts/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the font " + name + " is missing from the jar");
      }
      Path file = Files.createTempFile("kenes-", "-" + name);
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

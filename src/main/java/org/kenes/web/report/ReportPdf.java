package org.kenes.web.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.kenes.web.Views;

/**
 * The report as a PDF: the page's template rendered with the same model (in its print form, {@code forPdf}), read
 * into a DOM by jsoup and laid out by openhtmltopdf on PDFBox, so text stays text and the SVG charts stay vector
 * (Batik). Layout takes a worker thread, never the event loop. The font is DejaVu Sans, shipped in the jar
 * (src/main/resources/fonts, from Debian's fonts-dejavu-core; its licence beside it): Latin, Cyrillic and the
 * symbols the report uses, embedded as a subset, whatever fonts the machine has. The PDF is tagged (PDF/UA) for
 * screen readers.
 */
final class ReportPdf {

  private static final String FAMILY = "DejaVu Sans";
  private static volatile Path[] fonts;
  private final Vertx vertx;
  private final Views views;

  ReportPdf(Vertx vertx, Views views) {
    this.vertx = vertx;
    this.views = views;
  }

  Future<Buffer> render(JsonObject model) {
    model.put("forPdf", true);
    return views.render("report", model).compose(html -> vertx.executeBlocking(() -> pdf(html.toString()), false));
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

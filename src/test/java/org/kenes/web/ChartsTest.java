package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kenes.consensus.Criteria;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTest {

  private static final Charts.Bands NINE = Charts.Bands.of(Criteria.defaults(1, 9));

  @Test
  @DisplayName("a chart is well-formed SVG with escaped texts, no script and no style attribute")
  void escaped() throws Exception {
    Charts.Distribution d = new Charts.Distribution("x\"><script>", "<script>alert('t')</script> & more", NINE,
        Map.of(2, 2L, 8, 4L), 8.0, 3.5, 8.0, 2);
    String svg = Charts.distribution(d, "en");
    Document doc = parse(svg);
    assertEquals(0, doc.getElementsByTagName("script").getLength());
    assertFalse(svg.contains("style="));
    assertEquals("<script>alert('t')</script> & more", doc.getElementsByTagName("title").item(0).getTextContent());
    assertTrue(svg.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; more"));
  }

  @Test
  @DisplayName("bars per point, the own one hatched; median and quartiles where they lie; the numbers in its desc")
  void marks() throws Exception {
    JsonObject stats = new JsonObject().put("histogram", new JsonObject().put("2", 2).put("5", 1).put("8", 4))
        .put("median", 6.5).put("q1", 3.5).put("q3", 8.0);
    Document doc = parse(Charts.distribution(Charts.Distribution.of("c", "Round 1", stats, NINE, 5), "ru"));
    NodeList bars = bars(doc);
    assertEquals(9, bars.getLength());
    Element five = (Element) bars.item(4);
    assertEquals("bar yours", five.getAttribute("class"));
    assertEquals("url(#c-hatch)", five.getAttribute("fill"));
    double centre4 = centre((Element) bars.item(3));
    double centre5 = centre(five);
    double median = Double.parseDouble(((Element) doc.getElementsByTagName("circle").item(0)).getAttribute("cx"));
    assertEquals(centre5 + 1.5 * (centre5 - centre4), median, 0.2, "6.5 lies halfway between 6 and 7");
    String all = doc.getDocumentElement().getTextContent();
    assertTrue(all.contains("медиана 6,5 · средняя половина 3,5–8"), all);
    assertTrue(all.contains("несогласие") && all.contains("нейтрально") && all.contains("согласие"), "bands named");
    String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
    assertEquals("Оценок: 7; по баллам шкалы: 1: 0, 2: 2, 3: 0, 4: 0, 5: 1, 6: 0, 7: 0, 8: 4, 9: 0. "
        + "Медиана 6,5; средняя половина оценок — от 3,5 до 8. Ваша оценка тогда: 5.", desc);
    Element svg = doc.getDocumentElement();
    assertEquals("img", svg.getAttribute("role"));
    assertEquals("c-title c-desc", svg.getAttribute("aria-labelledby"));
  }

  private static NodeList bars(Document doc) throws Exception {
    return (NodeList) javax.xml.xpath.XPathFactory.newInstance().newXPath()
        .evaluate("//*[local-name()='rect'][starts-with(@class, 'bar')]", doc, javax.xml.xpath.XPathConstants.NODESET);
  }

  private static double centre(Element bar) {
    return Double.parseDouble(bar.getAttribute("x")) + Double.parseDouble(bar.getAttribute("width")) / 2;
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}

package org.kenes.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kenes.AttritionFixture;
import org.kenes.TestKenes;
import org.kenes.report.Checklists.Entry;
import org.kenes.report.Checklists.Status;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;

/**
 * The checklists' mapping: the items numbered as ACCORD (Gattrell et al. 2024, PLOS Medicine 21(1):e1004326, Table)
 * and DELPHISTAR (Niederberger et al. 2024, PLOS ONE 19(8):e0304651) publish them, each paraphrased in English and
 * Russian, and each answered where the report answers it: a field of the reporting block only when given.
 */
class ChecklistsTest {

  /** The small study with attributes, its reporting block giving the aim and ethics approval only. */
  private static final Study STUDY = StudyFormat.read(TestKenes.resource("studies/small.yaml")
      + AttritionFixture.ATTRIBUTES);

  private static List<String> numbers(String guideline) {
    return Checklists.of(guideline, STUDY).stream().map(Entry::number).toList();
  }

  private static Entry entry(String guideline, String number) {
    return Checklists.of(guideline, STUDY).stream().filter(e -> e.number().equals(number)).findFirst().orElseThrow();
  }

  private static List<String> range(String prefix, int last) {
    return IntStream.rangeClosed(1, last).mapToObj(i -> prefix + i).toList();
  }

  @Test
  @DisplayName("ACCORD has its 35 items as published: T1, I1–I3, M1–M21, R1–R5, D1–D2, O1–O3, in that order")
  void accordNumbering() {
    List<String> expected = new ArrayList<>(List.of("T1"));
    expected.addAll(range("I", 3));
    expected.addAll(range("M", 21));
    expected.addAll(range("R", 5));
    expected.addAll(range("D", 2));
    expected.addAll(range("O", 3));
    assertEquals(expected, numbers(Checklists.ACCORD));
    assertEquals(35, expected.size());
  }

  @Test
  @DisplayName("DELPHISTAR has its 38 items as published, numbered 1 to 38")
  void delphistarNumbering() {
    assertEquals(range("", 38), numbers(Checklists.DELPHISTAR));
  }

  @Test
  @DisplayName("every item is paraphrased in English and in Russian")
  void paraphrased() throws IOException {
    Properties en = bundle("/i18n/messages.properties");
    Properties ru = bundle("/i18n/messages_ru.properties");
    for (String guideline : Checklists.guidelines()) {
      for (Entry e : Checklists.of(guideline, STUDY)) {
        assertTrue(en.containsKey(e.key()) && ru.containsKey(e.key()), e.key());
      }
    }
  }

  @Test
  @DisplayName("an item of a given field links to it, of a field left empty reads not reported, and a generated one "
      + "links to the section Kenes writes")
  void mapping() {
    assertEquals(new Entry("accord", "I2", Status.GIVEN, "reporting-aim"), entry(Checklists.ACCORD, "I2"));
    assertEquals(new Entry("accord", "M1", Status.MISSING, "reporting-registration"), entry(Checklists.ACCORD, "M1"));
    assertEquals(new Entry("accord", "O3", Status.MISSING, "reporting-funding"), entry(Checklists.ACCORD, "O3"));
    assertEquals(new Entry("accord", "M12", Status.GENERATED, "methods-rule"), entry(Checklists.ACCORD, "M12"));
    assertEquals(new Entry("accord", "R1", Status.GENERATED, "conduct"), entry(Checklists.ACCORD, "R1"));
    assertEquals(new Entry("accord", "R3", Status.GENERATED, "methods-rounds"), entry(Checklists.ACCORD, "R3"));
    assertEquals(new Entry("delphistar", "31", Status.GENERATED, "flow"), entry(Checklists.DELPHISTAR, "31"));
    assertEquals(new Entry("delphistar", "29", Status.GENERATED, "methods-rule"), entry(Checklists.DELPHISTAR, "29"));
    assertEquals(new Entry("delphistar", "10", Status.GIVEN, "reporting-aim"), entry(Checklists.DELPHISTAR, "10"));
    Entry title = entry(Checklists.ACCORD, "T1");
    assertEquals(Status.OUTSIDE, title.status());
    assertNull(title.anchor());
  }

  @Test
  @DisplayName("giving a field of the reporting block answers every item it maps to")
  void givingAField() {
    Study funded = StudyFormat.read(TestKenes.resource("studies/small.yaml") + AttritionFixture.ATTRIBUTES
        + "  funding: {en: \"The ministry\", ru: \"Министерство\"}\n");
    assertEquals(Status.GIVEN, Checklists.of(Checklists.ACCORD, funded).stream()
        .filter(e -> e.number().equals("O3")).findFirst().orElseThrow().status());
    assertEquals(Status.GIVEN, Checklists.of(Checklists.DELPHISTAR, funded).stream()
        .filter(e -> e.number().equals("4")).findFirst().orElseThrow().status());
  }

  private static Properties bundle(String path) throws IOException {
    Properties p = new Properties();
    try (InputStream in = ChecklistsTest.class.getResourceAsStream(path)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}

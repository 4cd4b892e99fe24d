package org.kenes.web.api;

import java.util.List;
import org.kenes.study.Category;
import org.kenes.study.Study;
import org.kenes.web.Views;

/** The help sheet of the items workbook: how to fill in each column, for the study at hand, in a language. */
final class SheetHelp {

  private static final List<String> KEYS = List.of("builder.sheet.help.title", "builder.sheet.help.rows",
      "builder.sheet.help.id", "builder.sheet.help.type", "builder.sheet.help.category", "builder.sheet.help.text",
      "builder.sheet.help.options", "builder.sheet.help.optionTexts", "builder.sheet.help.problems");

  private SheetHelp() {}

  /** The language asked for, when Kenes speaks it; English otherwise. */
  static String language(String asked) {
    String spoken = Views.spoken(asked);
    return spoken == null ? "en" : spoken;
  }

  static List<String> lines(Study study, String language) {
    String categories = study.categories().isEmpty() ? Views.text(language, "builder.sheet.help.noCategories")
        : String.join(", ", study.categories().stream().map(Category::id).toList());
    String languages = String.join(", ", study.languages());
    return KEYS.stream().map(k -> Views.text(language, k, categories, languages)).toList();
  }
}

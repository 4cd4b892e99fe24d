package org.kenes.web.report;

import io.vertx.core.json.JsonArray;

/**
 * The works the report's method cites, in every language alike (citations are not translated): each statistical
 * method the report uses, and the reporting guidelines its checklists follow.
 */
final class References {

  static final JsonArray ALL = new JsonArray()
      .add("Fitch K, Bernstein SJ, Aguilar MD, et al. The RAND/UCLA Appropriateness Method User’s Manual. "
          + "Santa Monica, CA: RAND; 2001.")
      .add("Gattrell WT, Logullo P, van Zuuren EJ, et al. ACCORD (ACcurate COnsensus Reporting Document): a reporting "
          + "guideline for consensus methods in biomedicine developed via a modified Delphi. PLOS Medicine. "
          + "2024;21(1):e1004326.")
      .add("Hyndman RJ, Fan Y. Sample quantiles in statistical packages. The American Statistician. "
          + "1996;50(4):361–365.")
      .add("Jünger S, Payne SA, Brine J, Radbruch L, Brearley SG. Guidance on Conducting and REporting DElphi "
          + "Studies (CREDES) in palliative care. Palliative Medicine. 2017;31(8):684–706.")
      .add("Mann HB, Whitney DR. On a test of whether one of two random variables is stochastically larger than the "
          + "other. Annals of Mathematical Statistics. 1947;18(1):50–60.")
      .add("Niederberger M, Schifano J, Deckert S, et al. Delphi studies in social and health sciences: "
          + "recommendations for an interdisciplinary standardized reporting (DELPHISTAR). PLOS ONE. "
          + "2024;19(8):e0304651.")
      .add("Scheibe M, Skutsch M, Schofer J. Experiments in Delphi methodology. In: Linstone HA, Turoff M, eds. "
          + "The Delphi Method: Techniques and Applications. Reading, MA: Addison-Wesley; 1975:262–287.")
      .add("Wilcoxon F. Individual comparisons by ranking methods. Biometrics Bulletin. 1945;1(6):80–83.");

  private References() {}
}

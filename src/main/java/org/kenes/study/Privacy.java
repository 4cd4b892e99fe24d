package org.kenes.study;

/**
 * What a study promises its panelists about their personal data (DESIGN.md, "Personal data is separate from answers").
 *
 * @param consent the text a panelist agrees to before answering, per language; null when the study asks for none
 * @param retentionDays how long personal data is kept once the study has ended (its final round closed), in days
 * @param contact the email address of whoever answers for the dialogue's personal data: warned by mail before the
 *     retention period ends, and named to panelists on their own page; null for none
 */
public record Privacy(Text consent, int retentionDays, String contact) {

  public static final int DEFAULT_RETENTION_DAYS = 365;
  public static final Privacy DEFAULT = new Privacy(null, DEFAULT_RETENTION_DAYS, null);
}

package org.movierec.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The 21 occupations of MovieLens 1M; {@link #code()} is the value stored in {@code users.dat} and the demo's code. */
public enum Occupation {
  OTHER("other"),
  ACADEMIC_EDUCATOR("academic/educator"),
  ARTIST("artist"),
  CLERICAL_ADMIN("clerical/admin"),
  COLLEGE_GRAD_STUDENT("college/grad student"),
  CUSTOMER_SERVICE("customer service"),
  DOCTOR_HEALTH_CARE("doctor/health care"),
  EXECUTIVE_MANAGERIAL("executive/managerial"),
  FARMER("farmer"),
  HOMEMAKER("homemaker"),
  K12_STUDENT("K-12 student"),
  LAWYER("lawyer"),
  PROGRAMMER("programmer"),
  RETIRED("retired"),
  SALES_MARKETING("sales/marketing"),
  SCIENTIST("scientist"),
  SELF_EMPLOYED("self-employed"),
  TECHNICIAN_ENGINEER("technician/engineer"),
  TRADESMAN_CRAFTSMAN("tradesman/craftsman"),
  UNEMPLOYED("unemployed"),
  WRITER("writer");

  private final String label;

  Occupation(String label) {
    this.label = label;
  }

  public int code() {
    return ordinal();
  }

  public String label() {
    return label;
  }

  public static Occupation ofCode(int code) {
    if (code < 0 || code >= values().length) {
      throw new IllegalArgumentException("occupation code must be 0..20, got: " + code);
    }
    return values()[code];
  }

  /**
   * Accepts the code (0..20), the full label ({@code college/grad student}), or one part of a label
   * ({@code programmer}, {@code educator}, {@code engineer}); case, spaces and dashes do not matter.
   */
  public static Occupation parse(String text) {
    String t = normalize(text == null ? "" : text);
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() <= 2) {
      int code = Integer.parseInt(t);
      if (code < values().length) {
        return values()[code];
      }
    }
    List<Occupation> matches = new ArrayList<>();
    for (Occupation o : values()) {
      if (normalize(o.label).equals(t) || normalize(o.name()).equals(t)) {
        return o;
      }
      for (String part : o.label.split("/")) {
        if (normalize(part).equals(t)) {
          matches.add(o);
        }
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw new IllegalArgumentException("unknown occupation '" + text + "'; valid: " + validChoices());
  }

  /** Every code with its label, for error messages and help. */
  public static String validChoices() {
    return Arrays.stream(values()).map(o -> o.code() + " = " + o.label).collect(Collectors.joining(", "));
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/]", "");
  }
}

package org.movierec.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The 18 genres of MovieLens 1M, in the order of its README; {@link #label()} is the spelling in {@code movies.dat}. */
public enum Genre {
  ACTION("Action"),
  ADVENTURE("Adventure"),
  ANIMATION("Animation"),
  CHILDRENS("Children's"),
  COMEDY("Comedy"),
  CRIME("Crime"),
  DOCUMENTARY("Documentary"),
  DRAMA("Drama"),
  FANTASY("Fantasy"),
  FILM_NOIR("Film-Noir"),
  HORROR("Horror"),
  MUSICAL("Musical"),
  MYSTERY("Mystery"),
  ROMANCE("Romance"),
  SCI_FI("Sci-Fi"),
  THRILLER("Thriller"),
  WAR("War"),
  WESTERN("Western");

  private final String label;

  Genre(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Accepts the file spelling in any case, with or without punctuation ({@code sci-fi}, {@code scifi}, {@code childrens}). */
  public static Genre parse(String text) {
    String t = normalize(text == null ? "" : text);
    for (Genre g : values()) {
      if (normalize(g.label).equals(t)) {
        return g;
      }
    }
    throw new IllegalArgumentException("unknown genre '" + text + "'; valid: " + validChoices());
  }

  public static String validChoices() {
    return Arrays.stream(values()).map(Genre::label).collect(Collectors.joining(", "));
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}

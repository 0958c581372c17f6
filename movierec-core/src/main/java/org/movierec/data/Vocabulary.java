package org.movierec.data;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A sorted vocabulary of words, saved with a model so that training and serving number words the same way. Index
 * {@link #PADDING} (0) fills unused positions, {@link #UNKNOWN} (1) stands for every word not in the vocabulary, and
 * the known words take indexes 2, 3, ... in sorted ({@link String#compareTo}) order. The same set of words always gives
 * the same vocabulary, whatever the order it arrives in. Immutable and safe to share between threads.
 */
public final class Vocabulary {
  public static final int PADDING = 0;
  public static final int UNKNOWN = 1;
  /** What {@link #word(int)} returns for the two reserved indexes. */
  public static final String PADDING_WORD = "<pad>";
  public static final String UNKNOWN_WORD = "<unk>";

  private static final int RESERVED = 2;

  private final List<String> words;
  private final Map<String, Integer> indexes;

  private Vocabulary(List<String> sortedDistinct) {
    this.words = sortedDistinct;
    this.indexes = new HashMap<>(sortedDistinct.size() * 2);
    for (int i = 0; i < sortedDistinct.size(); i++) {
      indexes.put(sortedDistinct.get(i), i + RESERVED);
    }
  }

  /** A vocabulary of the distinct words given, in any order; nulls are refused. */
  public static Vocabulary of(Collection<String> words) {
    for (String w : words) {
      Objects.requireNonNull(w, "a vocabulary cannot hold null words");
    }
    return new Vocabulary(List.copyOf(new TreeSet<>(words)));
  }

  /** The index of a word: 2.. for a known word, {@link #UNKNOWN} for any other. */
  public int index(String word) {
    Integer i = indexes.get(word);
    return i == null ? UNKNOWN : i;
  }

  /** The word at an index; {@link #PADDING_WORD} and {@link #UNKNOWN_WORD} for the reserved ones. */
  public String word(int index) {
    if (index == PADDING) {
      return PADDING_WORD;
    }
    if (index == UNKNOWN) {
      return UNKNOWN_WORD;
    }
    if (index < 0 || index >= size()) {
      throw new IllegalArgumentException("index must be 0.." + (size() - 1) + ", got: " + index);
    }
    return words.get(index - RESERVED);
  }

  /** The number of indexes, the two reserved ones included: the rows of an embedding table over this vocabulary. */
  public int size() {
    return words.size() + RESERVED;
  }

  /** The known words in index order (sorted), without the reserved ones; unmodifiable. */
  public List<String> words() {
    return words;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary other && words.equals(other.words);
  }

  @Override
  public int hashCode() {
    return words.hashCode();
  }

  @Override
  public String toString() {
    return "Vocabulary[" + words.size() + " words + 2 reserved]";
  }
}

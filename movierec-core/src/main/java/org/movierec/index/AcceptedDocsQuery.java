package org.movierec.index;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of a bit set, by global document number: a filter made for one search. The vector search reads only
 * which documents a filter accepts, so this gives the same results as any query matching the same documents, without
 * the points query over the excluded ids that {@link LuceneSchema#filterQuery} builds (for a user with hundreds of
 * ratings, most of a search's time). Never cached; compared by identity.
 */
final class AcceptedDocsQuery extends Query {
  private final FixedBitSet accepted;

  AcceptedDocsQuery(FixedBitSet accepted) {
    this.accepted = accepted;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        int maxDoc = context.reader().maxDoc();
        FixedBitSet leaf;
        if (context.docBase == 0 && maxDoc == accepted.length()) {
          leaf = accepted;
        } else {
          leaf = new FixedBitSet(maxDoc);
          for (int doc = accepted.nextSetBit(context.docBase); doc < context.docBase + maxDoc;
              doc = doc + 1 < accepted.length() ? accepted.nextSetBit(doc + 1) : BitSetIterator.NO_MORE_DOCS) {
            leaf.set(doc - context.docBase);
          }
        }
        return new DefaultScorerSupplier(
            new ConstantScoreScorer(score(), scoreMode, new BitSetIterator(leaf, leaf.cardinality())));
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "AcceptedDocs(" + accepted.cardinality() + " of " + accepted.length() + ")";
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}

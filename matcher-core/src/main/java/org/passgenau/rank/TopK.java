package org.passgenau.rank;

import org.apache.lucene.util.PriorityQueue;

/**
 * The best k opportunities of one query: a bounded heap ordered by the score as results report
 * it ({@link CompiledRules#round}, four decimals), ties broken by the smaller opportunity id, so
 * the result does not depend on index order and equal reported scores stand in id order, as in
 * {@link CandidateRanker}. Ranking by the full score instead would order opportunities whose
 * reported scores are equal by digits nobody sees. Entries are allocated once, when the heap
 * fills, and then reused; an opportunity that cannot enter costs one comparison. Not thread-safe:
 * one per query.
 */
final class TopK {

  /** A heap entry. */
  static final class Entry {
    /** The full score, for the feature log. */
    double score;
    /** The score as reported, which ranks. */
    double written;
    OpportunityColumns columns;
    /** The row in {@link #columns}. */
    int doc;
    String id;
  }

  private final Heap heap;
  private final int k;
  private Entry spare;

  TopK(int k) {
    this.k = k;
    this.heap = new Heap(k);
  }

  /** How many entries it keeps at most. */
  int k() {
    return k;
  }

  /** Offers an admitted opportunity. */
  void offer(double score, OpportunityColumns c, int doc) {
    double written = CompiledRules.round(score);
    if (heap.size() == k) {
      Entry worst = heap.top();
      if (written < worst.written
          || (written == worst.written && c.ids[doc].compareTo(worst.id) > 0)) {
        return;
      }
    }
    Entry e = spare == null ? new Entry() : spare;
    e.score = score;
    e.written = written;
    e.columns = c;
    e.doc = doc;
    e.id = c.ids[doc];
    spare = heap.insertWithOverflow(e);
  }

  /**
   * A full score below which an opportunity cannot enter: once the heap is full, a unit of the
   * fourth decimal below the worst kept reported score (a score from half a unit below rounds up
   * to it, and equal reported scores then compete by id); minus infinity before.
   */
  double threshold() {
    return heap.size() == k ? heap.top().written - 1e-4 : Double.NEGATIVE_INFINITY;
  }

  /** Removes and returns all entries, best first. */
  Entry[] drainBestFirst() {
    Entry[] out = new Entry[heap.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = heap.pop();
    }
    return out;
  }

  private static final class Heap extends PriorityQueue<Entry> {
    Heap(int k) {
      super(k);
    }

    @Override
    protected boolean lessThan(Entry a, Entry b) {
      // "less" is worse: lower reported score, or on a tie the larger id.
      return a.written < b.written || (a.written == b.written && a.id.compareTo(b.id) > 0);
    }
  }
}

package org.passgenau.rank;

import org.apache.lucene.util.PriorityQueue;

/**
 * The best k opportunities of one query: a bounded heap ordered by score, ties broken by the
 * smaller opportunity id, so the result does not depend on index order. Entries are allocated
 * once, when the heap fills, and then reused; an opportunity that cannot enter costs one
 * comparison. Not thread-safe: one per query.
 */
final class TopK {

  /** A heap entry. */
  static final class Entry {
    double score;
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
    if (heap.size() == k) {
      Entry worst = heap.top();
      if (score < worst.score || (score == worst.score && c.ids[doc].compareTo(worst.id) > 0)) {
        return;
      }
    }
    Entry e = spare == null ? new Entry() : spare;
    e.score = score;
    e.columns = c;
    e.doc = doc;
    e.id = c.ids[doc];
    spare = heap.insertWithOverflow(e);
  }

  /**
   * The score an opportunity must reach to have a chance of entering: the worst kept score once
   * the heap is full (equal scores then compete by id), minus infinity before.
   */
  double threshold() {
    return heap.size() == k ? heap.top().score : Double.NEGATIVE_INFINITY;
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
      // "less" is worse: lower score, or on a tie the larger id.
      return a.score < b.score || (a.score == b.score && a.id.compareTo(b.id) > 0);
    }
  }
}

package org.passgenau.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.passgenau.taxonomy.EscoLabels;
import org.passgenau.taxonomy.OccupationLabel;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * Titles classified per second by {@link OccupationTaxonomy#classifyTitle(String, String)}, one
 * thread, against all ESCO labels ({@code esco} a directory for {@link EscoLabels#read}) or, when
 * {@code esco} is {@code shipped}, the shipped taxonomy. The titles are 1,000 ESCO labels (every
 * 70th) with posting noise appended to every other one, cycled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifyBenchmark {

  @Param("../shared/esco")
  public String esco;

  private OccupationTaxonomy taxonomy;
  private String[] titles;
  private String[] languages;
  private int next;

  @Setup
  public void setup() throws IOException {
    List<OccupationLabel> labels;
    if (esco.equals("shipped")) {
      taxonomy = OccupationTaxonomy.shipped();
      labels = List.of(new OccupationLabel("de", "Verkäufer/in (m/w/d)", "5223",
          org.passgenau.taxonomy.LabelType.PREFERRED, "x"),
          new OccupationLabel("nl", "magazijnmedewerker 32 uur", "9333",
              org.passgenau.taxonomy.LabelType.PREFERRED, "y"));
    } else {
      labels = EscoLabels.read(Path.of(esco));
      taxonomy = OccupationTaxonomy.builder().addLabels(labels).build();
    }
    int count = Math.min(1000, labels.size());
    int step = Math.max(1, labels.size() / count);
    titles = new String[count];
    languages = new String[count];
    for (int i = 0; i < count; i++) {
      OccupationLabel label = labels.get(i * step % labels.size());
      titles[i] = label.text() + (i % 2 == 0 ? "" : " (m/w/d) 32 uur ab sofort");
      languages[i] = label.language();
    }
  }

  @Benchmark
  public void classifyTitle(Blackhole hole) {
    int i = next++ % titles.length;
    hole.consume(taxonomy.classifyTitle(titles[i], languages[i]));
  }
}

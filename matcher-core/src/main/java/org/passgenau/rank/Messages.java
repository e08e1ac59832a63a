package org.passgenau.rank;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.passgenau.model.Cefr;

/**
 * The sentences of explanations in one language (English, German or Dutch), from the resource
 * bundle {@code org.passgenau.rank.messages}. One instance per query, used by the thread that
 * runs it: not thread-safe. Parsed sentences and the number format are kept per thread and
 * language, since neither {@link MessageFormat} nor {@link NumberFormat} is thread-safe and
 * building them costs more than the formatting itself.
 */
final class Messages {

  private final Locale locale;
  private final ResourceBundle bundle;
  private final BiFunction<String, Locale, Optional<String>> occupationLabels;
  private final Map<String, MessageFormat> formats;
  private final Map<String, Template> templates;
  private final NumberFormat numbers;

  /** Per thread, per locale: parsed sentences by key, and the number format. */
  private static final ThreadLocal<Map<Locale, Map<String, MessageFormat>>> FORMATS =
      ThreadLocal.withInitial(HashMap::new);
  private static final ThreadLocal<Map<Locale, Map<String, Template>>> TEMPLATES =
      ThreadLocal.withInitial(HashMap::new);
  private static final ThreadLocal<Map<Locale, NumberFormat>> NUMBERS =
      ThreadLocal.withInitial(HashMap::new);

  Messages(Locale locale, BiFunction<String, Locale, Optional<String>> occupationLabels) {
    this.locale = locale;
    this.bundle = bundle(locale);
    this.occupationLabels = occupationLabels;
    this.formats = FORMATS.get().computeIfAbsent(locale, l -> new HashMap<>());
    this.templates = TEMPLATES.get().computeIfAbsent(locale, l -> new HashMap<>());
    this.numbers = NUMBERS.get().computeIfAbsent(locale, NumberFormat::getInstance);
  }

  Locale locale() {
    return locale;
  }

  /** The sentences of German, Dutch and the default (English), loaded once each. */
  private static final Map<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

  /**
   * The bundle for {@code locale}'s language: its own file over the English one, or the English
   * one alone. Loaded from this class's module by hand rather than through {@code
   * ResourceBundle.getBundle}: that would fall back to the JVM's default locale for English (a
   * German server would explain in German), and the control that prevents it is refused in a
   * named module.
   */
  private static ResourceBundle bundle(Locale locale) {
    String language = locale.getLanguage();
    ResourceBundle english = BUNDLES.computeIfAbsent("", suffix -> load(suffix, null));
    return SUPPORTED.contains(language)
        ? BUNDLES.computeIfAbsent("_" + language, suffix -> load(suffix, english))
        : english;
  }

  private static final Set<String> SUPPORTED = Set.of("de", "nl");

  private static ResourceBundle load(String suffix, ResourceBundle parent) {
    String name = "messages" + suffix + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " beside " + Messages.class);
      }
      return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8)) {
        {
          setParent(parent);
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /**
   * The sentence {@code key} with its placeholders filled. Numbers are formatted as {@link
   * MessageFormat} would, with the locale's number format, but with one kept instance instead of
   * a new one per number.
   */
  String text(String key, Object... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Number number) {
        args[i] = numbers.format(number);
      }
    }
    Template template = templates.computeIfAbsent(key, k -> Template.of(bundle.getString(k)));
    String filled = template == Template.NOT_PLAIN ? null : template.fill(args);
    return filled != null ? filled : formats
        .computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale))
        .format(args);
  }

  /**
   * A sentence whose only syntax is plain placeholders ({@code {0}}, no quotes, no format types),
   * filled by concatenation: what {@link MessageFormat} gives for text arguments, at a fraction
   * of its cost, since every result explains itself in several sentences.
   */
  private static final class Template {
    /** Sentences with other syntax, for {@link MessageFormat}. */
    static final Template NOT_PLAIN = new Template(new String[0], new int[0]);

    /** Literal i comes before argument {@code args[i]}; the last literal ends the sentence. */
    private final String[] literals;
    private final int[] args;

    private Template(String[] literals, int[] args) {
      this.literals = literals;
      this.args = args;
    }

    static Template of(String pattern) {
      if (pattern.indexOf('\'') >= 0) {
        return NOT_PLAIN;
      }
      List<String> literals = new ArrayList<>();
      List<Integer> args = new ArrayList<>();
      int from = 0;
      for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', from)) {
        int close = pattern.indexOf('}', open);
        if (close < open + 2 || close > open + 3
            || !pattern.substring(open + 1, close).chars().allMatch(Character::isDigit)) {
          return NOT_PLAIN;
        }
        literals.add(pattern.substring(from, open));
        args.add(Integer.parseInt(pattern.substring(open + 1, close)));
        from = close + 1;
      }
      literals.add(pattern.substring(from));
      for (String literal : literals) {
        if (literal.indexOf('}') >= 0) {
          return NOT_PLAIN;
        }
      }
      return new Template(
          literals.toArray(new String[0]), args.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The sentence, or null when an argument is neither text nor null nor missing. */
    String fill(Object[] values) {
      if (args.length == 0) {
        return literals[0];
      }
      StringBuilder out = new StringBuilder(64);
      for (int i = 0; i < args.length; i++) {
        out.append(literals[i]);
        int a = args[i];
        if (a >= values.length) {
          out.append('{').append(a).append('}'); // as MessageFormat leaves a missing argument
        } else if (values[a] == null || values[a] instanceof String) {
          out.append((String) values[a]);
        } else {
          return null;
        }
      }
      return out.append(literals[args.length]).toString();
    }
  }

  /** "German", "Deutsch" or "Duits" for {@code de}. */
  String language(String code) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
    return name.isEmpty() || name.equals(code) ? code : name;
  }

  static String level(int rank) {
    return rank <= 0 ? "-" : Cefr.values()[rank - 1].code();
  }

  /**
   * The name of a region (an ISO 3166-2 code such as {@code DE-NI}) in this language: "Lower
   * Saxony", "Niedersachsen", "Nedersaksen"; the code itself for a region without a name here.
   */
  String region(String code) {
    String key = "region." + code;
    return bundle.containsKey(key) ? bundle.getString(key) : code;
  }

  /** The occupation's label in this language, else its ISCO code. */
  String occupation(String isco) {
    return occupationLabels.apply(isco, locale).orElse("ISCO " + isco);
  }

  String kind(int kindOrdinal) {
    return text("kind." + kindOrdinal);
  }

  /** Kilometres with one decimal below 10 ("3,3" in German), whole above. */
  String km(double km) {
    return km < 10 ? String.format(locale, "%.1f", km) : Long.toString(Math.round(km));
  }

  String hours(float hours) {
    return hours == Math.rint(hours) ? Integer.toString((int) hours) : String.format(locale, "%.1f", hours);
  }

  static String day(int epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }
}

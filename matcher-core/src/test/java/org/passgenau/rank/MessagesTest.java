package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

  /** A lone apostrophe makes MessageFormat swallow text; it must be written twice. */
  private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  private static Properties load(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/org/passgenau/rank/messages" + suffix + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishGermanAndDutchSayTheSameThings() throws IOException {
    Properties en = load("");
    assertThat(load("_de").stringPropertyNames()).as("German keys").isEqualTo(en.stringPropertyNames());
    assertThat(load("_nl").stringPropertyNames()).as("Dutch keys").isEqualTo(en.stringPropertyNames());
  }

  @Test
  void noSentenceHasALoneApostrophe() throws IOException {
    for (String suffix : new String[] {"", "_de", "_nl"}) {
      Properties p = load(suffix);
      for (String key : p.stringPropertyNames()) {
        assertThat(LONE_APOSTROPHE.matcher(p.getProperty(key)).find())
            .as("messages%s %s", suffix, key).isFalse();
      }
    }
  }

  @Test
  void apostrophesSurviveFormatting() {
    Messages m = new Messages(Locale.ENGLISH, (isco, l) -> Optional.empty());
    assertThat(m.text("qualification_level.other")).isEqualTo("The job's level is not stated");
  }

  /**
   * Plain sentences are filled without MessageFormat; every sentence of every language must read
   * exactly as MessageFormat writes it, with text, numbers, a null and too few arguments.
   */
  @Test
  void everySentenceReadsAsMessageFormatWritesIt() throws IOException {
    String[] suffixes = {"", "_de", "_nl"};
    Locale[] locales = {Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("nl")};
    Object[][] argumentLists = {
        {}, {"Pflegefachkraft", "B2", "C1"}, {"3,5", null}, {7, 12.5, "x"}};
    for (int i = 0; i < suffixes.length; i++) {
      Properties p = load(suffixes[i]);
      Messages m = new Messages(locales[i], (isco, l) -> Optional.empty());
      NumberFormat numbers = NumberFormat.getInstance(locales[i]);
      for (String key : p.stringPropertyNames()) {
        for (Object[] arguments : argumentLists) {
          Object[] asMessageFormatSees = arguments.clone();
          for (int a = 0; a < asMessageFormatSees.length; a++) {
            if (asMessageFormatSees[a] instanceof Number number) {
              asMessageFormatSees[a] = numbers.format(number);
            }
          }
          String expected =
              new MessageFormat(p.getProperty(key), locales[i]).format(asMessageFormatSees);
          assertThat(m.text(key, arguments.clone()))
              .as("messages%s %s with %s", suffixes[i], key, Arrays.toString(arguments))
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void languagesAreNamedInTheReadersLanguage() {
    assertThat(new Messages(Locale.GERMAN, (isco, l) -> Optional.empty()).language("ar")).isEqualTo("Arabisch");
    assertThat(new Messages(Locale.forLanguageTag("nl"), (isco, l) -> Optional.empty()).language("de")).isEqualTo("Duits");
  }
}

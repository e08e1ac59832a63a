package org.passgenau.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.passgenau.rank.RuleSet;
import picocli.CommandLine.IVersionProvider;

/**
 * The version of the build and of the default rule set, since results depend on both. The build
 * version comes from the Maven metadata packed into the jar; a build from classes has none.
 */
final class VersionProvider implements IVersionProvider {

  private static final String POM_PROPERTIES =
      "/META-INF/maven/org.passgenau/matcher-cli/pom.properties";

  @Override
  public String[] getVersion() throws IOException {
    RuleSet rules = RuleSet.defaults();
    return new String[] {
      "passgenau " + buildVersion(),
      "rule set " + rules.name() + " " + rules.version()
    };
  }

  private static String buildVersion() throws IOException {
    try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return "(development build)";
      }
      Properties pom = new Properties();
      pom.load(in);
      return pom.getProperty("version", "(unknown version)");
    }
  }
}

package io.jcors.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsPolicy;
import io.jcors.CorsProblem;
import io.jcors.CorsRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code file} origin source, alone and merged with the static entries of an {@code origin}
 * list and with another source: read, checked, located per line, bounded, refreshed.
 */
class FileOriginsTest {
  private static final ClassLoader LOADER = FileOriginsTest.class.getClassLoader();

  @TempDir Path dir;

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  /** A JSON config of one route whose origin is {@code origin} (JSON text). */
  private Path config(String origin) throws Exception {
    return write(
        "cors.json",
        "{\"routes\": [\n  {\"path\": \"/api/**\", \"cors\": {\"origin\": "
            + origin
            + ", \"credentials\": true}}\n]}\n");
  }

  private static String json(Path file) {
    return "\"" + file.toString().replace("\\", "\\\\") + "\"";
  }

  @Nested
  class Merged {
    @Test
    void anOriginInTheFile_theOtherSource_orTheList_isAllowed_oneInNone_isRefused()
        throws Exception {
      Path tenants =
          write(
              "tenants.txt",
              "# tenants\nhttps://file-only.example\n\n  https://both.example  \r\nhttps://*.tenants.example\n");
      Path cors =
          config(
              "[\"https://static.example\", {\"file\": "
                  + json(tenants)
                  + "}, {\"listed\": {\"origins\": \"https://listed-only.example,https://both.example\"}}]");

      try (OriginSources sources = OriginSources.open(LOADER)) {
        LoadedConfig loaded = ConfigReader.read(cors, sources);

        assertThat(loaded.problems()).isEmpty();
        CorsPolicy policy = loaded.policy();
        for (String allowed :
            List.of(
                "https://static.example",
                "https://file-only.example",
                "https://listed-only.example",
                "https://both.example",
                "https://a.tenants.example")) {
          assertThat(Requests.allowOrigin(policy, "/api/x", allowed)).isEqualTo(allowed);
        }
        assertThat(Requests.allowOrigin(policy, "/api/x", "https://evil.example")).isNull();
        assertThat(Requests.headers(policy, "/api/x", "https://evil.example"))
            .containsEntry("vary", "Origin");
      }
    }

    @Test
    void aFileThatCannotBeRead_isAnErrorAtItsKey_inTheConfig() throws Exception {
      Path cors = config("[\"https://static.example\", {\"file\": \"no-such-tenants.txt\"}]");

      try (OriginSources sources = OriginSources.open(LOADER)) {
        LoadedConfig loaded = ConfigReader.read(cors, sources);
        ConfigProblem problem = Problems.only(loaded);

        assertThat(loaded.hasErrors()).isTrue();
        assertThat(problem.rule()).isEqualTo(CorsRule.C5);
        assertThat(problem.option()).isEqualTo("routes[0].cors.origin[1].file");
        assertThat(problem.location()).isEqualTo(new Location(2, 70));
        assertThat(problem.reason())
            .startsWith(
                "the file \"no-such-tenants.txt\" does not exist (a relative path is read from");
      }
    }

    @Test
    void wrongSettings_areOneErrorAtTheKey_namingEachAndItsFix() throws Exception {
      Path cors =
          config(
              "[{\"file\": {\"path\": \"t.txt\", \"refreshSecs\": 5, \"refreshSeconds\": 0,"
                  + " \"maxRows\": 1.5}}]");

      try (OriginSources sources = OriginSources.checkOnly(LOADER)) {
        ConfigProblem problem = Problems.only(ConfigReader.read(cors, sources));

        assertThat(problem.option()).isEqualTo("routes[0].cors.origin[0].file");
        assertThat(problem.reason())
            .isEqualTo(
                "has the unknown setting \"refreshSecs\"; the settings are maxBytes,"
                    + " maxRows, path, refreshSeconds; refreshSeconds: \"0\" is not a"
                    + " number of seconds of at least 1; write e.g. 10, or leave it out"
                    + " to read the file once; maxRows: \"1.5\" is not a whole number"
                    + " from 1 to 2147483647; the default is 100000");
        assertThat(sources.checked()).isEmpty();
      }
    }
  }

  @Nested
  class Entries {
    @Test
    void eachProblem_isAtItsLine_andTheEntriesAreCheckedForTheRoute() throws Exception {
      Path tenants =
          write(
              "tenants.txt",
              "https://ok.example\n# a comment\nhttp://plain.example\n*\n\nhttps://*.github.io\n");
      OriginFile.Checked checked =
          OriginFile.check(
              OriginFile.read(OriginFile.Settings.of(Map.of("path", tenants.toString()))),
              "origin",
              true,
              false);

      assertThat(checked.lines()).isEqualTo(4);
      assertThat(checked.list().size()).isEqualTo(3); // "*" in a list matches nothing: skipped
      assertThat(checked.list().skipped()).containsExactly("*");
      List<CorsProblem> problems = checked.list().problems();
      assertThat(problems)
          .extracting(CorsProblem::rule)
          .containsExactly(CorsRule.S10, CorsRule.C6, CorsRule.S11);
      for (int i = 0; i < problems.size(); i++) {
        assertThat(checked.at("tenants.txt", i))
            .isEqualTo("tenants.txt:" + List.of(3, 4, 6).get(i));
      }
    }

    @Test
    void strict_skipsTheRiskyEntries() throws Exception {
      Path tenants = write("tenants.txt", "https://ok.example\nhttp://plain.example\n");
      OriginFile.Checked checked =
          OriginFile.check(
              OriginFile.read(OriginFile.Settings.of(Map.of("path", tenants.toString()))),
              "origin",
              true,
              true);

      assertThat(checked.list().skipped()).containsExactly("http://plain.example");
      assertThat(checked.list().origins().allows("http://plain.example")).isFalse();
    }

    @Test
    void aFileOverItsBounds_isRefused_namingTheBound() throws Exception {
      Path tenants = write("tenants.txt", "https://a.example\nhttps://b.example\n");

      for (Map<String, Object> bounds :
          List.<Map<String, Object>>of(Map.of("maxRows", 1), Map.of("maxBytes", 20))) {
        Path cors =
            config(
                "[{\"file\": {\"path\": "
                    + json(tenants)
                    + ", \""
                    + bounds.keySet().iterator().next()
                    + "\": "
                    + bounds.values().iterator().next()
                    + "}}]");
        try (OriginSources sources = OriginSources.open(LOADER)) {
          assertThat(Problems.only(ConfigReader.read(cors, sources)).reason())
              .contains("holds more than")
              .contains("(" + bounds.keySet().iterator().next() + ")");
        }
      }
    }

    @Test
    void aFileThatIsNotUtf8_isRefused() throws Exception {
      Path tenants = dir.resolve("tenants.txt");
      Files.write(tenants, new byte[] {'h', (byte) 0xff, '\n'});

      try (OriginSources sources = OriginSources.open(LOADER)) {
        LoadedConfig loaded =
            ConfigReader.read(config("[{\"file\": " + json(tenants) + "}]"), sources);
        assertThat(Problems.only(loaded).reason()).endsWith("is not UTF-8 text; save it as UTF-8");
      }
    }

    @Test
    void readEntries_givesEachEntryItsLine() throws Exception {
      Path tenants = write("tenants.txt", "# tenants\nhttps://a.example\n\nhttps://b.example");
      try (OriginSources sources = OriginSources.checkOnly(LOADER)) {
        ConfigReader.read(config("[{\"file\": " + json(tenants) + "}]"), sources);

        assertThat(sources.readEntries(sources.checked().get(0)))
            .containsExactly(
                new OriginSources.Entry("https://a.example", tenants.toString(), 2),
                new OriginSources.Entry("https://b.example", tenants.toString(), 4));
      }
    }
  }

  @Nested
  class Refresh {
    @Test
    void aChangedFile_isReadAgain_andAFileThatGoesAway_keepsTheListInUse() throws Exception {
      Path tenants = write("tenants.txt", "https://a.example\n");
      Path cors =
          config(
              "[\"https://static.example\", {\"file\": {\"path\": "
                  + json(tenants)
                  + ", \"refreshSeconds\": 1}}]");

      try (OriginSources sources = OriginSources.open(LOADER)) {
        CorsPolicy policy = ConfigReader.read(cors, sources).policy();
        assertThat(Requests.allowOrigin(policy, "/api/x", "https://a.example")).isNotNull();

        write("tenants.txt", "https://b.example\nhttps://c.example\n");
        awaitAllowed(policy, "https://b.example", true);
        assertThat(Requests.allowOrigin(policy, "/api/x", "https://a.example")).isNull();
        assertThat(Requests.allowOrigin(policy, "/api/x", "https://static.example")).isNotNull();

        Files.delete(tenants);
        Thread.sleep(2500); // two refreshes that cannot read the file
        assertThat(Requests.allowOrigin(policy, "/api/x", "https://b.example"))
            .isEqualTo("https://b.example");
      }
    }

    @Test
    void withoutRefreshSeconds_theFileIsReadOnce() throws Exception {
      Path tenants = write("tenants.txt", "https://a.example\n");
      try (OriginSources sources = OriginSources.open(LOADER)) {
        CorsPolicy policy =
            ConfigReader.read(config("[{\"file\": " + json(tenants) + "}]"), sources).policy();

        write("tenants.txt", "https://b.example\nhttps://c.example\n");
        Thread.sleep(1500);
        assertThat(Requests.allowOrigin(policy, "/api/x", "https://a.example")).isNotNull();
        assertThat(Requests.allowOrigin(policy, "/api/x", "https://b.example")).isNull();
      }
    }

    private void awaitAllowed(CorsPolicy policy, String origin, boolean allowed) throws Exception {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while ((Requests.allowOrigin(policy, "/api/x", origin) != null) != allowed) {
        assertThat(System.nanoTime()).as("seen within 10 s").isLessThan(deadline);
        Thread.sleep(50);
      }
    }
  }
}

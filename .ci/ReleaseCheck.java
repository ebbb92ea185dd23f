import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The file checks of .ci/release-check, run with {@code java .ci/ReleaseCheck.java COMMAND ...}:
 *
 * <ul>
 *   <li>{@code staged DIR}: the staging repository a release would upload holds the published
 *       artifacts and only those, each with its sources and Javadoc jars, and POMs that Maven
 *       Central accepts and that need nothing unpublished;
 *   <li>{@code consumer README TEMPLATE OUT VERSION}: writes OUT/pom.xml, the consumer project
 *       with README.md's Maven block in it, after checking that the block imports the BOM of
 *       VERSION and lists every published artifact, and that the Gradle blocks name the same
 *       artifacts and version;
 *   <li>{@code bom-pair OUT VERSION}: writes OUT/with-bom/pom.xml and OUT/without-bom/pom.xml, the
 *       same third-party dependencies with and without the BOM imported;
 *   <li>{@code boot-bom-pair OUT VERSION BOOT}: the same for a Spring Boot BOOT application with
 *       jcors-spring-boot-starter, jcors-bom imported before Spring Boot's BOM or not at all;
 *   <li>{@code same-dependencies A B}: two {@code dependency:list} outputs name the same
 *       third-party artifacts and versions;
 *   <li>{@code resolved-from LIST REPO}: every io.jcors file in a {@code dependency:list} output
 *       with absolute paths lies under REPO.
 * </ul>
 *
 * Exits 1 with one line per problem.
 */
public final class ReleaseCheck {
  /** What a release publishes. The demo, the benchmarks, test support and the parent are not. */
  static final Set<String> PUBLISHED =
      Set.of(
          "jcors-bom",
          "jcors-core",
          "jcors-jdk",
          "jcors-micronaut",
          "jcors-javalin",
          "jcors-helidon",
          "jcors-netty",
          "jcors-servlet",
          "jcors-webflux",
          "jcors-jaxrs",
          "jcors-vertx",
          "jcors-jdbc",
          "jcors-config",
          "jcors-check",
          "jcors-cli",
          "jcors-spring-boot-autoconfigure",
          "jcors-spring-boot-starter",
          "jcors-quarkus");

  /**
   * Published, but not in README.md's general Maven block: a Spring Boot application adds the
   * starter alone (README's Spring Boot block, and examples/spring-boot and examples/spring-webflux,
   * built by release-check); jcors-webflux needs the Spring WebFlux the application provides.
   */
  static final Set<String> SPRING_BOOT =
      Set.of("jcors-spring-boot-autoconfigure", "jcors-spring-boot-starter", "jcors-webflux");

  /**
   * Published, but not in README.md's general Maven block either: an application of a framework
   * adds that framework's adapter alone (its page in docs/ shows the dependency).
   */
  static final Set<String> FRAMEWORKS =
      Set.of("jcors-micronaut", "jcors-javalin", "jcors-helidon", "jcors-quarkus");


  static final Set<String> UNPUBLISHED =
      Set.of(
          "jcors-parent",
          "jcors-demo",
          "jcors-benchmarks",
          "jcors-test-support",
          "jcors-spring-boot3-tests",
          "jcors-dropwizard-tests");

  private static final List<String> problems = new ArrayList<>();

  public static void main(String[] args) throws IOException {
    switch (args.length == 0 ? "" : args[0]) {
      case "staged" -> staged(Path.of(args[1]));
      case "consumer" -> consumer(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), args[4]);
      case "bom-pair" -> bomPair(Path.of(args[1]), args[2]);
      case "boot-bom-pair" -> bootBomPair(Path.of(args[1]), args[2], args[3]);
      case "same-dependencies" -> sameDependencies(Path.of(args[1]), Path.of(args[2]));
      case "resolved-from" -> resolvedFrom(Path.of(args[1]), Path.of(args[2]));
      default -> {
        System.err.println(
            "usage: java .ci/ReleaseCheck.java staged|consumer|bom-pair|same-dependencies|resolved-from ...");
        System.exit(2);
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(problem -> System.err.println("release-check: " + problem));
      System.exit(1);
    }
  }

  // ---- staged ---------------------------------------------------------------------------------

  static void staged(Path staging) throws IOException {
    Path group = staging.resolve("io/jcors");
    Set<String> staged = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(group)) {
      dirs.filter(Files::isDirectory).forEach(dir -> staged.add(dir.getFileName().toString()));
    }
    if (!staged.equals(new TreeSet<>(PUBLISHED))) {
      problems.add("staged " + staged + ", expected exactly " + new TreeSet<>(PUBLISHED));
    }
    for (String artifact : staged) {
      Path dir = onlyVersionDir(group.resolve(artifact));
      if (dir == null) {
        continue;
      }
      String pom = newest(dir, artifact, ".pom");
      if (pom == null) {
        problems.add(artifact + ": no POM staged");
        continue;
      }
      String text = Files.readString(dir.resolve(pom), StandardCharsets.UTF_8);
      checkPom(artifact, text);
      if (!artifact.equals("jcors-bom")) {
        for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
          if (newest(dir, artifact, suffix) == null) {
            problems.add(artifact + ": no " + suffix + " staged (Maven Central requires it)");
          }
        }
      }
    }
  }

  private static Path onlyVersionDir(Path artifactDir) throws IOException {
    try (Stream<Path> versions = Files.list(artifactDir)) {
      List<Path> dirs = versions.filter(Files::isDirectory).toList();
      if (dirs.size() != 1) {
        problems.add(artifactDir.getFileName() + ": " + dirs.size() + " versions staged, not 1");
        return null;
      }
      return dirs.get(0);
    }
  }

  /** The newest staged file of the artifact with that suffix (snapshots are timestamped). */
  private static String newest(Path dir, String artifact, String suffix) throws IOException {
    Pattern name = Pattern.compile(Pattern.quote(artifact) + "-[0-9][^-]*(-[0-9.]+-[0-9]+)?"
        + Pattern.quote(suffix));
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(file -> name.matcher(file).matches())
          .max(String::compareTo)
          .orElse(null);
    }
  }

  static void checkPom(String artifact, String pom) {
    if (pom.contains("${")) {
      problems.add(artifact + ": the POM has an unresolved ${...}");
    }
    if (pom.contains("<parent>")) {
      problems.add(artifact + ": the POM names a parent, which is not published");
    }
    for (String element :
        List.of("name", "description", "url", "licenses", "developers", "scm")) {
      if (!pom.contains("<" + element + ">") && !pom.contains("<" + element + " ")) {
        problems.add(artifact + ": the POM has no <" + element + "> (Maven Central requires it)");
      }
    }
    if (pom.contains("<build>") || pom.contains("<repositories>")) {
      problems.add(artifact + ": the POM keeps its <build> or <repositories>");
    }
    for (String dependency : blocks(pom, "dependency")) {
      String id = element(dependency, "artifactId");
      boolean optional = "true".equals(element(dependency, "optional"));
      if ("io.jcors".equals(element(dependency, "groupId"))
          && UNPUBLISHED.contains(id)
          && !optional) {
        problems.add(artifact + ": depends on " + id + ", which is not published");
      }
      if (element(dependency, "version") == null) {
        problems.add(artifact + ": the dependency " + id + " has no version");
      }
    }
    if (artifact.equals("jcors-bom")) {
      String managed = between(pom, "<dependencyManagement>", "</dependencyManagement>");
      if (managed == null) {
        problems.add("jcors-bom: no <dependencyManagement>");
        return;
      }
      Set<String> listed = new TreeSet<>();
      for (String dependency : blocks(managed, "dependency")) {
        String groupId = element(dependency, "groupId");
        String id = element(dependency, "artifactId");
        if (!"io.jcors".equals(groupId)) {
          problems.add(
              "jcors-bom: manages "
                  + groupId
                  + ":"
                  + id
                  + "; importing it would change that version in a user's build");
        } else {
          listed.add(id);
        }
      }
      Set<String> expected = new TreeSet<>(PUBLISHED);
      expected.remove("jcors-bom");
      if (!listed.equals(expected)) {
        problems.add("jcors-bom: lists " + listed + ", expected " + expected);
      }
    }
  }

  // ---- consumer -------------------------------------------------------------------------------

  private static final Pattern FENCE =
      Pattern.compile("^```(xml|kotlin|groovy)[ \\t]*\\R(.*?)^```[ \\t]*$", Pattern.DOTALL | Pattern.MULTILINE);

  static void consumer(Path readme, Path template, Path out, String version) throws IOException {
    String maven = null;
    String kotlin = null;
    String groovy = null;
    Matcher fence = FENCE.matcher(Files.readString(readme, StandardCharsets.UTF_8));
    while (fence.find()) {
      String code = fence.group(2);
      if (!code.contains("io.jcors")) {
        continue;
      }
      switch (fence.group(1)) {
        case "xml" -> maven = maven == null ? code : maven;
        case "kotlin" -> kotlin = kotlin == null ? code : kotlin;
        default -> groovy = groovy == null ? code : groovy;
      }
    }
    if (maven == null || kotlin == null || groovy == null) {
      problems.add("README.md: expected an xml, a kotlin and a groovy block naming io.jcors");
      return;
    }
    String management = between(maven, "<dependencyManagement>", "</dependencyManagement>");
    String rest =
        maven.substring(maven.indexOf("</dependencyManagement>") + "</dependencyManagement>".length());
    String dependencies = between(rest, "<dependencies>", "</dependencies>");
    if (management == null || dependencies == null) {
      problems.add("README.md: the Maven block needs <dependencyManagement> and <dependencies>");
      return;
    }
    String bomVersion = null;
    for (String dependency : blocks(management, "dependency")) {
      if ("jcors-bom".equals(element(dependency, "artifactId"))) {
        bomVersion = element(dependency, "version");
      }
    }
    if (!version.equals(bomVersion)) {
      problems.add(
          "README.md: the Maven block imports jcors-bom " + bomVersion + ", the build is " + version);
    }
    Set<String> artifacts = new TreeSet<>();
    for (String dependency : blocks(dependencies, "dependency")) {
      artifacts.add(element(dependency, "groupId") + ":" + element(dependency, "artifactId"));
    }
    Set<String> expected = new TreeSet<>();
    for (String artifact : PUBLISHED) {
      if (!artifact.equals("jcors-bom")
          && !SPRING_BOOT.contains(artifact)
          && !FRAMEWORKS.contains(artifact)) {
        expected.add("io.jcors:" + artifact);
      }
    }
    if (!artifacts.equals(expected)) {
      problems.add("README.md: the Maven block lists " + artifacts + ", expected " + expected);
    }
    for (String[] gradle : List.of(new String[] {"Kotlin", kotlin}, new String[] {"Groovy", groovy})) {
      Set<String> named = new TreeSet<>();
      String platform = null;
      Matcher coordinate =
          Pattern.compile("(platform\\()?[\"'](io\\.jcors:[a-z-]+)(:[^\"']+)?[\"']").matcher(gradle[1]);
      while (coordinate.find()) {
        if (coordinate.group(1) != null) {
          platform = coordinate.group(2) + coordinate.group(3);
        } else if (coordinate.group(3) != null) {
          problems.add("README.md, Gradle " + gradle[0] + ": " + coordinate.group() + " has a version; the BOM sets it");
        } else {
          named.add(coordinate.group(2));
        }
      }
      if (!named.equals(artifacts)) {
        problems.add("README.md, Gradle " + gradle[0] + ": lists " + named + ", the Maven block " + artifacts);
      }
      if (!("io.jcors:jcors-bom:" + bomVersion).equals(platform)) {
        problems.add("README.md, Gradle " + gradle[0] + ": the platform is " + platform
            + ", the Maven block imports io.jcors:jcors-bom:" + bomVersion);
      }
    }
    String pom = Files.readString(template, StandardCharsets.UTF_8);
    if (!pom.contains("<!-- README: dependencyManagement -->") || !pom.contains("<!-- README: dependencies -->")) {
      problems.add(template + ": the README markers are missing");
      return;
    }
    pom =
        pom.replace(
                "<!-- README: dependencyManagement -->",
                "<dependencyManagement>" + management + "</dependencyManagement>")
            .replace("<!-- README: dependencies -->", dependencies.strip());
    Files.createDirectories(out);
    Files.writeString(out.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
  }

  // ---- BOM ------------------------------------------------------------------------------------

  /**
   * Third-party dependencies whose transitive dependencies have other versions than jcors's build
   * uses (Jackson 2.17 brings jackson-core 2.17; JUnit 5.11 brings the JUnit Platform 1.11): a BOM
   * that leaked jcors's own dependency management would change them.
   */
  static final List<String> THIRD_PARTY =
      List.of(
          "com.fasterxml.jackson.core:jackson-databind:2.17.2",
          "org.junit.jupiter:junit-jupiter-api:5.11.4");

  static void bomPair(Path out, String version) throws IOException {
    StringBuilder dependencies = new StringBuilder();
    for (String coordinate : THIRD_PARTY) {
      String[] parts = coordinate.split(":");
      dependencies.append(
          "    <dependency><groupId>" + parts[0] + "</groupId><artifactId>" + parts[1]
              + "</artifactId><version>" + parts[2] + "</version></dependency>\n");
    }
    String bom =
        "  <dependencyManagement><dependencies>\n"
            + "    <dependency><groupId>io.jcors</groupId><artifactId>jcors-bom</artifactId>"
            + "<version>" + version + "</version><type>pom</type><scope>import</scope></dependency>\n"
            + "  </dependencies></dependencyManagement>\n";
    pomPair(
        out,
        "",
        withBom ->
            (withBom ? bom : "") + "  <dependencies>\n" + dependencies + "  </dependencies>\n");
  }

  /**
   * A Spring Boot application (spring-boot-starter-web, jcors-spring-boot-starter) with jcors-bom
   * imported first, before Spring Boot's BOM, where a BOM that leaked jcors's own dependency
   * management (Tomcat, Jetty, Jackson, Netty, JUnit) would win, and without jcors-bom.
   */
  static void bootBomPair(Path out, String version, String boot) throws IOException {
    pomPair(
        out,
        "boot-",
        withBom ->
            "  <dependencyManagement><dependencies>\n"
                + (withBom
                    ? "    <dependency><groupId>io.jcors</groupId><artifactId>jcors-bom</artifactId>"
                        + "<version>" + version + "</version><type>pom</type><scope>import</scope></dependency>\n"
                    : "")
                + "    <dependency><groupId>org.springframework.boot</groupId>"
                + "<artifactId>spring-boot-dependencies</artifactId><version>" + boot
                + "</version><type>pom</type><scope>import</scope></dependency>\n"
                + "  </dependencies></dependencyManagement>\n"
                + "  <dependencies>\n"
                + "    <dependency><groupId>org.springframework.boot</groupId>"
                + "<artifactId>spring-boot-starter-web</artifactId></dependency>\n"
                + "    <dependency><groupId>org.springframework.boot</groupId>"
                + "<artifactId>spring-boot-starter-test</artifactId><scope>test</scope></dependency>\n"
                + "    <dependency><groupId>io.jcors</groupId><artifactId>jcors-spring-boot-starter</artifactId>"
                + (withBom ? "" : "<version>" + version + "</version>")
                + "</dependency>\n"
                + "  </dependencies>\n");
  }

  /**
   * Writes {@code out/with-bom/pom.xml} and {@code out/without-bom/pom.xml}: projects {@code
   * example:PREFIXwith-bom} and {@code example:PREFIXwithout-bom} of packaging pom, each with what
   * {@code body} gives for it (its dependency management and dependencies) and the dependency
   * plugin that resolves them.
   */
  static void pomPair(Path out, String prefix, Function<Boolean, String> body) throws IOException {
    for (boolean withBom : new boolean[] {true, false}) {
      String name = withBom ? "with-bom" : "without-bom";
      Path dir = out.resolve(name);
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("pom.xml"),
          "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
              + "  <modelVersion>4.0.0</modelVersion>\n"
              + "  <groupId>example</groupId><artifactId>" + prefix + name + "</artifactId><version>1</version>\n"
              + "  <packaging>pom</packaging>\n"
              + body.apply(withBom)
              + "  <build><plugins><plugin><groupId>org.apache.maven.plugins</groupId>"
              + "<artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version>"
              + "</plugin></plugins></build>\n"
              + "</project>\n",
          StandardCharsets.UTF_8);
    }
  }

  static void sameDependencies(Path a, Path b) throws IOException {
    Set<String> first = resolved(a);
    Set<String> second = resolved(b);
    if (first.isEmpty()) {
      problems.add(a + ": no dependency resolved");
    }
    if (!first.equals(second)) {
      Set<String> onlyFirst = new TreeSet<>(first);
      onlyFirst.removeAll(second);
      Set<String> onlySecond = new TreeSet<>(second);
      onlySecond.removeAll(first);
      problems.add(
          "importing jcors-bom changes resolved versions: with it " + onlyFirst + ", without it "
              + onlySecond);
    }
  }

  /** group:artifact:type:version:scope of every dependency but jcors's own. */
  private static Set<String> resolved(Path list) throws IOException {
    Set<String> lines = new TreeSet<>();
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      String entry = line.strip();
      if (entry.matches("[\\w.-]+:[\\w.-]+:.*") && !entry.startsWith("io.jcors:")) {
        lines.add(entry.replaceAll(" -- .*", ""));
      }
    }
    return lines;
  }

  static void resolvedFrom(Path list, Path repository) throws IOException {
    String prefix = repository.toAbsolutePath().normalize() + "/";
    int jcors = 0;
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      String entry = line.strip();
      if (entry.startsWith("io.jcors:")) {
        jcors++;
        int path = entry.indexOf(':' + "/");
        String file = path < 0 ? "" : entry.substring(path + 1).replaceAll(" -- .*", "");
        if (!file.startsWith(prefix)) {
          problems.add(
              entry + " was not resolved from the staged artifacts (is an old io.jcors in"
                  + " ~/.m2/repository? remove ~/.m2/repository/io/jcors)");
        }
      }
    }
    if (jcors == 0) {
      problems.add(list + ": no io.jcors dependency resolved");
    }
  }

  // ---- small XML helpers: the POMs here are Maven's own output or README blocks ----------------

  static List<String> blocks(String xml, String element) {
    List<String> blocks = new ArrayList<>();
    Matcher block =
        Pattern.compile("<" + element + ">(.*?)</" + element + ">", Pattern.DOTALL).matcher(xml);
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }

  static String element(String xml, String element) {
    Matcher value =
        Pattern.compile("<" + element + ">\\s*([^<]*?)\\s*</" + element + ">").matcher(xml);
    return value.find() ? value.group(1) : null;
  }

  static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    int to = from < 0 ? -1 : text.indexOf(end, from);
    return to < 0 ? null : text.substring(from + start.length(), to);
  }
}

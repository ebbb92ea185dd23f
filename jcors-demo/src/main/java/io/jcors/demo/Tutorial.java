package io.jcors.demo;

import io.jcors.CorsOptions;
import io.jcors.CorsPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's tutorial: two routes of the API that start without CORS, so that the browser blocks
 * the page's request to them, and for each the change that enables CORS. The page's "fix" button
 * applies that change to the running API: the route's policy is a {@link CorsPolicy#reloadable
 * reloadable} one, swapped for the fixed policy while the API keeps serving.
 *
 * <pre>{@code
 * Tutorial tutorial = new Tutorial("http://localhost:5500");
 * CorsPolicy policy = DemoApi.cors("http://localhost:5500", DemoApi.partnerLookup(Set.of()), tutorial);
 * tutorial.fix(1); // GET /tutorial/greeting is now allowed for the page
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Tutorial {
  /** Step 1's route: a simple {@code GET}. */
  public static final String GREETING = "/tutorial/greeting";

  /** Step 2's routes: {@code PUT /tutorial/notes/{id}} with a custom header, so preflighted. */
  public static final String NOTES = "/tutorial/notes/**";

  /** The note step 2 saves. */
  public static final String NOTE = "/tutorial/notes/1";

  private final String pageOrigin;
  private final CorsPolicy.Reloadable greeting = CorsPolicy.reloadable(CorsPolicy.disabled());
  private final CorsPolicy.Reloadable notes = CorsPolicy.reloadable(CorsPolicy.disabled());

  /**
   * Both routes without CORS.
   *
   * @param pageOrigin the origin of the demo page, the one origin each fix allows
   */
  public Tutorial(String pageOrigin) {
    this.pageOrigin = pageOrigin;
  }

  /**
   * Step 1's fix: this page's origin may read {@code GET /tutorial/greeting}. Express: {@code
   * cors({ origin: pageOrigin })}.
   */
  static CorsOptions greetingFix(String pageOrigin) {
    return CorsOptions.builder().origin(pageOrigin).build();
  }

  /**
   * Step 2's fix: this page's origin may send {@code PUT} with {@code Content-Type} and the token
   * header; the CORS layer answers the preflight. Express: {@code cors({...})} on the route and on
   * its {@code OPTIONS}.
   */
  static CorsOptions notesFix(String pageOrigin) {
    return CorsOptions.builder()
        .origin(pageOrigin)
        .methods("GET", "PUT")
        .allowedHeaders("Content-Type", DemoApi.TOKEN_HEADER)
        .build();
  }

  /** The policy of step 1's route, to put in the API's routes once. */
  public CorsPolicy greeting() {
    return greeting.policy();
  }

  /** The policy of step 2's routes, to put in the API's routes once. */
  public CorsPolicy notes() {
    return notes.policy();
  }

  /**
   * Applies step {@code step}'s fix to the running API: requests that arrive from now on get CORS.
   *
   * @throws IllegalArgumentException when there is no such step
   */
  public void fix(int step) {
    reloadable(step)
        .reload(CorsPolicy.of(step == 1 ? greetingFix(pageOrigin) : notesFix(pageOrigin)));
  }

  /**
   * Removes step {@code step}'s fix: its route has no CORS again.
   *
   * @throws IllegalArgumentException when there is no such step
   */
  public void reset(int step) {
    reloadable(step).reload(CorsPolicy.disabled());
  }

  /**
   * Whether step {@code step}'s fix is applied.
   *
   * @throws IllegalArgumentException when there is no such step
   */
  public boolean fixed(int step) {
    return reloadable(step).current() != CorsPolicy.disabled();
  }

  private CorsPolicy.Reloadable reloadable(int step) {
    return switch (step) {
      case 1 -> greeting;
      case 2 -> notes;
      default -> throw new IllegalArgumentException("the tutorial has steps 1 and 2, not " + step);
    };
  }

  /** The two steps as the page shows them, with the code of each change, in Java and Express. */
  List<Map<String, Object>> steps() {
    String origin = pageOrigin;
    return List.of(
        step(
            1,
            "A request blocked, then allowed",
            "The page asks the API for a greeting. The route has no CORS yet: the API answers 200"
                + " with its data, but without Access-Control-Allow-Origin the browser keeps the"
                + " answer from the page. Enable CORS for this page's origin, and the same request"
                + " is allowed.",
            Scenario.tutorialGreeting(),
            "  .route(\"" + GREETING + "\", CorsPolicy.disabled())",
            String.join(
                "\n",
                "  .route(",
                "      \"" + GREETING + "\",",
                "      CorsOptions.builder().origin(\"" + origin + "\").build())"),
            "app.get('/tutorial/greeting', greeting);",
            String.join(
                "\n",
                "app.get(",
                "  '/tutorial/greeting',",
                "  cors({ origin: '" + origin + "' }),",
                "  greeting,",
                ");")),
        step(
            2,
            "A preflighted PUT with a custom header",
            "A PUT with a JSON body and "
                + DemoApi.TOKEN_HEADER
                + " is not a simple request: the browser first sends a preflight OPTIONS request"
                + " and sends the PUT only if the answer allows the method and the headers. The"
                + " route has no CORS yet, so the preflight fails and the PUT is never sent. The"
                + " fix allows the method and both headers, and the CORS layer answers the"
                + " preflight.",
            Scenario.tutorialNote(),
            "  .route(\"" + NOTES + "\", CorsPolicy.disabled())",
            String.join(
                "\n",
                "  .route(",
                "      \"" + NOTES + "\",",
                "      CorsOptions.builder()",
                "          .origin(\"" + origin + "\")",
                "          .methods(\"GET\", \"PUT\")",
                "          .allowedHeaders(\"Content-Type\", \"" + DemoApi.TOKEN_HEADER + "\")",
                "          .build())"),
            "app.put('/tutorial/notes/:id', saveNote);",
            String.join(
                "\n",
                "const notesCors = cors({",
                "  origin: '" + origin + "',",
                "  methods: ['GET', 'PUT'],",
                "  allowedHeaders: ['Content-Type', '" + DemoApi.TOKEN_HEADER + "'],",
                "});",
                "app.options('/tutorial/notes/:id', notesCors); // answers the preflight",
                "app.put('/tutorial/notes/:id', notesCors, saveNote);")));
  }

  private Map<String, Object> step(
      int number,
      String title,
      String lesson,
      Scenario request,
      String javaBefore,
      String javaAfter,
      String expressBefore,
      String expressAfter) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("step", number);
    map.put("title", title);
    map.put("lesson", lesson);
    map.put("scenario", request.toMap());
    map.put("fixed", fixed(number));
    map.put("java", Map.of("before", javaBefore, "after", javaAfter));
    map.put("express", Map.of("before", expressBefore, "after", expressAfter));
    return map;
  }
}

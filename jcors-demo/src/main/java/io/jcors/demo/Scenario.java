package io.jcors.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One button of the demo page: a cross-origin {@code fetch} the page makes to the API, and what a
 * browser decides about it.
 *
 * @param id the button's id, e.g. {@code put-product}
 * @param title what the button says
 * @param method the request method
 * @param path the API path
 * @param headers request headers the page sets
 * @param body the request body, or null
 * @param credentials whether the page sends cookies ({@code credentials: "include"})
 * @param expected {@code allowed} or {@code blocked}
 * @param lesson what the scenario shows, one or two sentences
 */
public record Scenario(
    String id,
    String title,
    String method,
    String path,
    Map<String, String> headers,
    String body,
    boolean credentials,
    String expected,
    String lesson) {

  /** Copies {@code headers}, keeping their order. */
  public Scenario {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** The demo's scenarios after the tutorial, in the order of the page's buttons. */
  public static List<Scenario> all() {
    Map<String, String> token = Map.of(DemoApi.TOKEN_HEADER, DemoApi.TOKEN);
    Map<String, String> jsonAndToken = new LinkedHashMap<>();
    jsonAndToken.put("Content-Type", "application/json");
    jsonAndToken.put(DemoApi.TOKEN_HEADER, DemoApi.TOKEN);
    return List.of(
        new Scenario(
            "without-cors",
            "GET /without-cors",
            "GET",
            "/without-cors",
            Map.of(),
            null,
            false,
            "blocked",
            "No CORS on this route. The API still answers 200 with its data, but without"
                + " Access-Control-Allow-Origin the browser hides the response from the page."),
        new Scenario(
            "with-cors",
            "GET /with-cors",
            "GET",
            "/with-cors",
            Map.of(),
            null,
            false,
            "allowed",
            "The same request to a route with cors() and its defaults: Access-Control-Allow-Origin:"
                + " * lets every origin read it."),
        new Scenario(
            "data",
            "GET /data",
            "GET",
            "/data",
            Map.of(),
            null,
            false,
            "allowed",
            "The API allows this page's origin only, so it answers with"
                + " Access-Control-Allow-Origin set to exactly that origin."),
        new Scenario(
            "admin",
            "GET /admin",
            "GET",
            "/admin",
            Map.of(),
            null,
            false,
            "blocked",
            "Only "
                + DemoApi.ADMIN_ORIGIN
                + " may read /admin: the API refuses this page's origin."),
        new Scenario(
            "put-product",
            "PUT /products/42",
            "PUT",
            "/products/42",
            jsonAndToken,
            "{\"name\":\"Blue mug\"}",
            false,
            "allowed",
            "PUT, a JSON body and a custom header are not \"simple\": the browser first asks the API"
                + " with a preflight OPTIONS request, then sends the PUT. Click twice within 5"
                + " seconds: the second PUT goes without a preflight, as the browser reuses the"
                + " answer it cached."),
        new Scenario(
            "delete-product",
            "DELETE /products/7",
            "DELETE",
            "/products/7",
            token,
            null,
            false,
            "allowed",
            "DELETE with " + DemoApi.TOKEN_HEADER + ": preflight first, then the DELETE."),
        new Scenario(
            "patch-product",
            "PATCH /products/42",
            "PATCH",
            "/products/42",
            token,
            null,
            false,
            "blocked",
            "The API allows GET, PUT and DELETE on products: the preflight does not allow PATCH, so"
                + " the browser never sends the PATCH itself."),
        new Scenario(
            "session",
            "GET /session with cookies",
            "GET",
            "/session",
            Map.of(),
            null,
            true,
            "allowed",
            "credentials: \"include\" sends and receives cookies. The API must answer with the exact"
                + " origin and Access-Control-Allow-Credentials: true. Click twice: the second"
                + " request carries the cookie the first one set."),
        new Scenario(
            "wildcard-credentials",
            "GET /with-cors with cookies",
            "GET",
            "/with-cors",
            Map.of(),
            null,
            true,
            "blocked",
            "Access-Control-Allow-Origin: * never works with credentials: a browser wants the"
                + " exact origin and Access-Control-Allow-Credentials: true."),
        new Scenario(
            "partners",
            "GET /partners",
            "GET",
            "/partners",
            Map.of(),
            null,
            false,
            "allowed",
            "The API looks the origin up asynchronously, as a database query would; this page's"
                + " origin is a partner."));
  }

  /** Step 1 of the tutorial: a simple GET to a route that has no CORS until it is fixed. */
  static Scenario tutorialGreeting() {
    return new Scenario(
        "tutorial-greeting",
        "GET " + Tutorial.GREETING,
        "GET",
        Tutorial.GREETING,
        Map.of(),
        null,
        false,
        "blocked",
        "Blocked until the route has CORS; allowed after the fix.");
  }

  /** Step 2 of the tutorial: a preflighted PUT to a route that has no CORS until it is fixed. */
  static Scenario tutorialNote() {
    Map<String, String> jsonAndToken = new LinkedHashMap<>();
    jsonAndToken.put("Content-Type", "application/json");
    jsonAndToken.put(DemoApi.TOKEN_HEADER, DemoApi.TOKEN);
    return new Scenario(
        "tutorial-note",
        "PUT " + Tutorial.NOTE,
        "PUT",
        Tutorial.NOTE,
        jsonAndToken,
        "{\"text\":\"Buy milk\"}",
        false,
        "blocked",
        "Blocked at the preflight until the route has CORS; allowed after the fix.");
  }

  /** The scenario of a button or a tutorial step, or null. */
  static Scenario find(String id) {
    for (Scenario scenario : all()) {
      if (scenario.id().equals(id)) {
        return scenario;
      }
    }
    for (Scenario scenario : List.of(tutorialGreeting(), tutorialNote())) {
      if (scenario.id().equals(id)) {
        return scenario;
      }
    }
    return null;
  }

  /** This scenario as the page reads it. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", id);
    map.put("title", title);
    map.put("method", method);
    map.put("path", path);
    map.put("headers", new LinkedHashMap<>(headers));
    map.put("body", body);
    map.put("credentials", credentials);
    map.put("expected", expected);
    map.put("lesson", lesson);
    return map;
  }
}

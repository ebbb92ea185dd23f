package io.jcors;

/**
 * The value of the {@code origin} option: a value ({@link Origins}: {@code "*"}, {@code true},
 * {@code false}, an origin, a list) or a function that decides per request ({@link
 * OriginResolver}). What {@link CorsOptions#origin()} returns.
 *
 * <pre>{@code
 * OriginOption origin = CorsOptions.builder().origin("https://app.example.com").build().origin();
 * if (origin instanceof Origins origins) {
 *   assertEquals(Origins.Kind.FIXED, origins.kind());
 * }
 * }</pre>
 */
public sealed interface OriginOption permits Origins, OriginResolver {}

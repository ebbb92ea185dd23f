package io.jcors.internal;

import java.util.Set;

/**
 * Domains under which anyone can register a name, so that {@code https://*.<suffix>} trusts
 * strangers. Every single-label domain (a top-level domain) counts, plus a short list of the
 * multi-label suffixes most often met in CORS configurations: second-level country domains and the
 * hosting platforms of the Public Suffix List's private section. The list is a deliberate subset of
 * the Public Suffix List; an unlisted suffix is not known to be safe.
 */
public final class PublicSuffixes {
  private static final Set<String> MULTI_LABEL =
      Set.of(
          // Second-level country domains.
          "co.uk",
          "org.uk",
          "ac.uk",
          "gov.uk",
          "me.uk",
          "ltd.uk",
          "plc.uk",
          "net.uk",
          "com.au",
          "net.au",
          "org.au",
          "edu.au",
          "gov.au",
          "co.nz",
          "org.nz",
          "net.nz",
          "co.jp",
          "ne.jp",
          "or.jp",
          "ac.jp",
          "co.kr",
          "or.kr",
          "com.br",
          "net.br",
          "org.br",
          "com.cn",
          "net.cn",
          "org.cn",
          "com.tw",
          "com.hk",
          "com.sg",
          "com.my",
          "co.in",
          "net.in",
          "org.in",
          "co.za",
          "org.za",
          "com.mx",
          "com.ar",
          "com.tr",
          "co.il",
          "com.ua",
          "co.id",
          "com.ph",
          "com.vn",
          "com.pk",
          "com.ng",
          "com.eg",
          "com.sa",
          "co.th",
          "in.th",
          // Hosting platforms where every customer gets a subdomain.
          "github.io",
          "gitlab.io",
          "bitbucket.io",
          "herokuapp.com",
          "vercel.app",
          "now.sh",
          "netlify.app",
          "netlify.com",
          "pages.dev",
          "workers.dev",
          "web.app",
          "firebaseapp.com",
          "appspot.com",
          "blogspot.com",
          "azurewebsites.net",
          "azurestaticapps.net",
          "cloudapp.net",
          "cloudfront.net",
          "amazonaws.com",
          "s3.amazonaws.com",
          "elasticbeanstalk.com",
          "onrender.com",
          "fly.dev",
          "glitch.me",
          "repl.co",
          "replit.app",
          "surge.sh",
          "ngrok.io",
          "ngrok-free.app",
          "ngrok.app",
          "loca.lt",
          "trycloudflare.com",
          "deno.dev",
          "railway.app",
          "up.railway.app",
          "codesandbox.io",
          "stackblitz.io",
          "webcontainer.io",
          "wixsite.com",
          "wordpress.com",
          "shopify.com",
          "myshopify.com",
          "readthedocs.io",
          "sourceforge.io",
          "pythonanywhere.com",
          "translate.goog");

  private PublicSuffixes() {}

  /** Whether {@code domain} (lower case, no trailing dot) is a public suffix. */
  public static boolean isPublicSuffix(String domain) {
    return domain.indexOf('.') < 0 || MULTI_LABEL.contains(domain);
  }
}

package dev.camelneptune.local;

import java.util.regex.Pattern;

/**
 * Checks that an {@code Authorization} header has the shape of an AWS Signature Version 4 for one service. It never
 * echoes the header back: the reason names only what is missing or wrong.
 */
final class SigV4Check {

    private static final Pattern CREDENTIAL = Pattern.compile("[A-Za-z0-9]+/\\d{8}/[a-z0-9-]+/([a-z0-9-]+)/aws4_request");
    private static final Pattern SIGNED_HEADERS = Pattern.compile("[a-z0-9-]+(;[a-z0-9-]+)*");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

    private final String service;

    SigV4Check(String service) {
        this.service = service;
    }

    /** Null when {@code authorization} is a SigV4 header for the service, else why not. */
    String check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return "Missing Authentication Token: requests must be signed with AWS Signature Version 4 for " + service;
        }
        if (!authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            return "The Authorization header is not an AWS4-HMAC-SHA256 signature";
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring("AWS4-HMAC-SHA256 ".length()).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                credential = p.substring("Credential=".length());
            } else if (p.startsWith("SignedHeaders=")) {
                signedHeaders = p.substring("SignedHeaders=".length());
            } else if (p.startsWith("Signature=")) {
                signature = p.substring("Signature=".length());
            }
        }
        if (credential == null || !CREDENTIAL.matcher(credential).matches()) {
            return "The Authorization header's Credential is not <key>/<date>/<region>/<service>/aws4_request";
        }
        var matcher = CREDENTIAL.matcher(credential);
        matcher.matches();
        if (!service.equals(matcher.group(1))) {
            return "The request is signed for service " + matcher.group(1) + ", not " + service;
        }
        if (signedHeaders == null || !SIGNED_HEADERS.matcher(signedHeaders).matches()) {
            return "The Authorization header has no SignedHeaders";
        }
        if (signature == null || !SIGNATURE.matcher(signature).matches()) {
            return "The Authorization header has no Signature of 64 hex digits";
        }
        return null;
    }
}

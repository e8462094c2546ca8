package dev.camelneptune.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Checks the AWS Signature Version 4 of a request for the service it is addressed to (each API's signing name:
 * {@code neptune-graph} for the task API, {@code neptune-db} for streams). Without a key pair only the
 * {@code Authorization} header's shape is checked; with one, the signature is computed again with the SDK's own signer
 * ({@link AwsV4HttpSigner}) over the headers the request says it signed, and compared, as the service does. It never
 * echoes the header or a secret back: a denial names only what is missing or wrong.
 */
final class SigV4Check {

    /** A refusal: the service's error code (403) and message. */
    record Denial(String code, String message) {
    }

    /** The service's answer when the recomputed signature differs from the one sent. */
    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you"
                                             + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for"
                                             + " details.";

    private static final String ALGORITHM = "AWS4-HMAC-SHA256 ";
    private static final Pattern CREDENTIAL = Pattern.compile("([A-Za-z0-9]+)/(\\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request");
    private static final Pattern SIGNED_HEADERS = Pattern.compile("[a-z0-9-]+(;[a-z0-9-]+)*");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private final String accessKeyId;
    private final String secretAccessKey;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** {@code accessKeyId} and {@code secretAccessKey} null: the header's shape is checked, not the signature. */
    SigV4Check(String accessKeyId, String secretAccessKey) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
    }

    /**
     * Null when the request is signed for {@code service} (and, with a key pair, signed with it), else why not.
     *
     * @param service the signing name the request must be scoped to
     * @param headers request headers, names lower-cased
     */
    Denial check(String service, String method, URI requestUri, Map<String, List<String>> headers, byte[] body) {
        List<String> values = headers.get("authorization");
        String authorization = values == null || values.isEmpty() ? null : values.get(0);
        if (authorization == null || authorization.isBlank()) {
            return denied("Missing Authentication Token: requests must be signed with AWS Signature Version 4 for "
                          + service);
        }
        if (!authorization.startsWith(ALGORITHM)) {
            return denied("The Authorization header is not an AWS4-HMAC-SHA256 signature");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring(ALGORITHM.length()).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                credential = p.substring("Credential=".length());
            } else if (p.startsWith("SignedHeaders=")) {
                signedHeaders = p.substring("SignedHeaders=".length());
            } else if (p.startsWith("Signature=")) {
                signature = p.substring("Signature=".length());
            }
        }
        Matcher scope = credential == null ? null : CREDENTIAL.matcher(credential);
        if (scope == null || !scope.matches()) {
            return denied("The Authorization header's Credential is not <key>/<date>/<region>/<service>/aws4_request");
        }
        if (!service.equals(scope.group(4))) {
            return denied("The request is signed for service " + scope.group(4) + ", not " + service);
        }
        if (signedHeaders == null || !SIGNED_HEADERS.matcher(signedHeaders).matches()) {
            return denied("The Authorization header has no SignedHeaders");
        }
        if (signature == null || !SIGNATURE.matcher(signature).matches()) {
            return denied("The Authorization header has no Signature of 64 hex digits");
        }
        if (accessKeyId == null) {
            return null;
        }
        if (!accessKeyId.equals(scope.group(1))) {
            return new Denial("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        List<String> signedNames = List.of(signedHeaders.split(";"));
        if (!signedNames.contains("host") || !signedNames.contains("x-amz-date") || !headers.containsKey("x-amz-date")) {
            return denied("The request must sign the host and x-amz-date headers");
        }
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(headers.get("x-amz-date").get(0), AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return denied("The X-Amz-Date header is not yyyyMMdd'T'HHmmss'Z'");
        }
        String recomputed = recompute(service, method, requestUri, headers, body, signedNames, scope.group(3), signedAt);
        if (recomputed == null || !MessageDigest.isEqual(recomputed.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return new Denial("InvalidSignatureException", SIGNATURE_MISMATCH);
        }
        return null;
    }

    /** The signature the SDK's signer makes for the signed part of this request with the configured key pair. */
    private String recompute(
            String service, String method, URI requestUri, Map<String, List<String>> headers, byte[] body,
            List<String> signedNames, String region, Instant signedAt) {
        List<String> host = headers.get("host");
        if (host == null || host.isEmpty()) {
            return null;
        }
        String query = requestUri.getRawQuery();
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://" + host.get(0) + requestUri.getRawPath() + (query == null ? "" : "?" + query)));
        for (String name : signedNames) {
            List<String> value = headers.get(name);
            if (value != null) {
                request.putHeader(name, value);
            }
        }
        SignedRequest signed = signer.sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKeyId, secretAccessKey))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        String authorization = signed.request().firstMatchingHeader("Authorization").orElse("");
        int at = authorization.indexOf("Signature=");
        return at < 0 ? null : authorization.substring(at + "Signature=".length()).trim();
    }

    private static Denial denied(String message) {
        return new Denial("AccessDeniedException", message);
    }
}

package dev.camelneptune.stream.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import dev.camelneptune.stream.StreamPosition;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.neptunedata.model.GetPropertygraphStreamRequest;
import software.amazon.awssdk.services.neptunedata.model.GetSparqlStreamRequest;

/**
 * Has the SDK client hand a successful stream response's body to {@link StreamPageParser} instead of its own JSON
 * unmarshaller, for the one request it is attached to ({@link #override()}; one instance per request). Everything else
 * stays the SDK's: the request, its signing, the retries and their back-off, the typed errors of an error response. A
 * body that does not read to its end or does not parse fails the attempt as the SDK's unmarshaller would, with an
 * {@link SdkClientException} whose cause is the parser's exception, so the SDK's retry policy sees the same failure.
 * <p>
 * On a success, the parsed page is kept by this interceptor, the SDK unmarshals an empty object in place of the body,
 * and {@link #modifyResponse} puts the page into the response it built.
 */
final class PageParserInterceptor implements ExecutionInterceptor {

    private static final byte[] EMPTY_OBJECT = { '{', '}' };
    private static final String GZIP = "gzip";

    private final AwsRequestOverrideConfiguration override = AwsRequestOverrideConfiguration.builder()
            .addPlugin(configuration -> configuration.overrideConfiguration(
                    configuration.overrideConfiguration().toBuilder().addExecutionInterceptor(this).build()))
            .build();

    /** The page the last attempt parsed: an instance serves one request, whose attempts run one after another. */
    private volatile StreamPageParser.Page page;

    /** The override that attaches this parsing to the one request it is given to. */
    AwsRequestOverrideConfiguration override() {
        return override;
    }

    /**
     * The positions of the records the request returned, in stream order; null if this parsing did not read the body or
     * a record has no usable eventId.
     */
    List<StreamPosition> positions() {
        StreamPageParser.Page parsed = page;
        return parsed == null ? null : parsed.positions();
    }

    /**
     * Whether this parsing reads the response: a stream request's success, plain or gzip, without a CRC32 header (which
     * the SDK would check against the body it unmarshals).
     */
    private static boolean reads(Context.ModifyHttpResponse context) {
        SdkRequest request = context.request();
        SdkHttpResponse response = context.httpResponse();
        return (request instanceof GetPropertygraphStreamRequest || request instanceof GetSparqlStreamRequest)
                && response.isSuccessful() && context.responseBody().isPresent()
                && response.firstMatchingHeader("x-amz-crc32").isEmpty()
                && response.firstMatchingHeader("Content-Encoding").map(GZIP::equals).orElse(true);
    }

    /** The SDK inflates a gzip body after the interceptors: the body it gets from here is plain JSON. */
    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkHttpResponse response = context.httpResponse();
        return reads(context) && response.firstMatchingHeader("Content-Encoding").isPresent()
                ? response.toBuilder().removeHeader("Content-Encoding").build()
                : response;
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(
            Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        page = null;
        if (!reads(context)) {
            return context.responseBody();
        }
        SdkRequest request = context.request();
        SdkHttpResponse response = context.httpResponse();
        boolean gzip = response.firstMatchingHeader("Content-Encoding").isPresent();
        try (InputStream body = context.responseBody().get();
             InputStream in = gzip ? new GZIPInputStream(body, 65536) : body) {
            page = request instanceof GetPropertygraphStreamRequest
                    ? StreamPageParser.propertygraph(in) : StreamPageParser.sparql(in);
        } catch (IOException | RuntimeException e) {
            // a body cut short, bad JSON, or a number that is not one (NumberFormatException)
            throw SdkClientException.create("Unable to unmarshall response (" + e.getMessage() + "). Response Code: "
                                            + response.statusCode() + ", Response Text: "
                                            + response.statusText().orElse(null),
                    e);
        }
        return Optional.of(new ByteArrayInputStream(EMPTY_OBJECT));
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        StreamPageParser.Page parsed = page;
        return parsed == null ? context.response() : parsed.applyTo(context.response());
    }
}

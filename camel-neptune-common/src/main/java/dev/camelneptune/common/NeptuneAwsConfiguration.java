package dev.camelneptune.common;

import java.net.URI;
import java.util.Locale;

import org.apache.camel.component.aws.common.AwsCommonConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import software.amazon.awssdk.core.Protocol;

/**
 * The AWS client options both components take, named as Camel's AWS components name them, and their rules. Each
 * component's configuration extends it; Camel's generator reads the inherited {@code @UriParam} fields (their docs are
 * in {@code description=}, as javadoc from another jar is not seen), so both catalogs list these options.
 * <p>
 * Where validation lives, in both components: a raw URI value that binding would lose (a number that is not one, an
 * unknown operation) is checked by the Component before binding; every rule over bound values is in the configuration's
 * {@code validate()}, which the Component calls once the endpoint's options are set, so a bad URI fails when the
 * endpoint is created, before any request.
 */
@UriParams
public abstract class NeptuneAwsConfiguration implements AwsCommonConfiguration, Cloneable {

    @UriParam(description = "The AWS region, in lower case, e.g. us-east-1: the region of the Neptune Analytics graphs"
                            + " (neptune-graph) or of the Neptune cluster (neptune-stream). Requests are signed for it."
                            + " Required unless a ready client is given.")
    private String region;
    @UriParam(label = "security", secret = true, description = "Amazon AWS Access Key.")
    private String accessKey;
    @UriParam(label = "security", secret = true, description = "Amazon AWS Secret Key.")
    private String secretKey;
    @UriParam(label = "security", secret = true,
              description = "Amazon AWS Session Token, used when the user needs to assume an IAM role.")
    private String sessionToken;
    @UriParam(label = "security", defaultValue = "false",
              description = "Whether the client loads its credentials through the default credentials provider chain"
                            + " (environment, profile, IAM role) instead of static keys.")
    private boolean useDefaultCredentialsProvider;
    @UriParam(label = "security", defaultValue = "false",
              description = "Whether the client loads its credentials through a profile credentials provider.")
    private boolean useProfileCredentialsProvider;
    @UriParam(label = "security", description = "The profile name, when useProfileCredentialsProvider is true.")
    private String profileCredentialsName;
    @UriParam(label = "security", defaultValue = "false",
              description = "Whether the client uses session credentials (accessKey, secretKey and sessionToken), e.g."
                            + " after assuming an IAM role.")
    private boolean useSessionCredentials;
    @UriParam(defaultValue = "false",
              description = "Whether requests go to uriEndpointOverride instead of the service's own endpoint (for"
                            + " neptune-graph the regional AWS endpoint, for neptune-stream the endpoint in the path).")
    private boolean overrideEndpoint;
    @UriParam(description = "The http(s) URL requests go to when overrideEndpoint is true, e.g. http://localhost:8182"
                            + " for neptune-local.")
    private String uriEndpointOverride;
    @UriParam(label = "security", defaultValue = "false",
              description = "Whether the client trusts every TLS certificate, e.g. of a test server with a self-signed"
                            + " certificate: only for testing.")
    private boolean trustAllCertificates;
    @UriParam(label = "proxy", enums = "HTTP,HTTPS", defaultValue = "HTTPS",
              description = "The protocol of the proxy the client goes through.")
    private Protocol proxyProtocol = Protocol.HTTPS;
    @UriParam(label = "proxy", description = "The host of the proxy the client goes through.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "The port of the proxy the client goes through.")
    private Integer proxyPort;

    /**
     * The rules of the client options, checked when the endpoint is created; each failure names the option and the
     * rule. With a ready client ({@code clientOption} set) none of the client options is used, so none is checked.
     *
     * @param clientOption   the option that gives a ready client, e.g. {@code neptuneGraphClient}
     * @param client         its value
     * @param unsignedOption the option that sends requests unsigned, or null when the component has none
     * @param unsigned       whether that option is on: then no credentials are needed, and none may be given
     */
    protected void validateClientOptions(String clientOption, Object client, String unsignedOption, boolean unsigned) {
        if (client != null) {
            return;
        }
        if (unsigned && (accessKey != null || secretKey != null || sessionToken != null || useDefaultCredentialsProvider
                || useProfileCredentialsProvider || useSessionCredentials)) {
            throw new IllegalArgumentException(
                    unsignedOption + " sends requests unsigned: it cannot be combined with"
                                               + " accessKey, secretKey, sessionToken or another credentials option");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException(
                    "region is required: the AWS region requests are signed for, e.g."
                                               + " region=us-east-1 (or give a ready " + clientOption + ")");
        }
        if (!unsigned && !useDefaultCredentialsProvider && !useProfileCredentialsProvider
                && (accessKey == null || secretKey == null)) {
            throw new IllegalArgumentException(
                    "No credentials: set accessKey and secretKey (and sessionToken with"
                                               + " useSessionCredentials), or useDefaultCredentialsProvider, or"
                                               + " useProfileCredentialsProvider"
                                               + (unsignedOption == null ? "" : ", or " + unsignedOption)
                                               + ", or a " + clientOption);
        }
        if (useSessionCredentials && !useDefaultCredentialsProvider && !useProfileCredentialsProvider
                && sessionToken == null) {
            throw new IllegalArgumentException("useSessionCredentials needs sessionToken, with accessKey and secretKey");
        }
        if (overrideEndpoint) {
            if (uriEndpointOverride == null || uriEndpointOverride.isBlank()) {
                throw new IllegalArgumentException(
                        "overrideEndpoint=true needs uriEndpointOverride: the"
                                                   + " http(s)://host[:port] URL requests go to");
            }
            httpUrl("uriEndpointOverride", uriEndpointOverride);
        }
    }

    /**
     * {@code value} as an http or https URL with a host; any other scheme, or none, fails naming {@code option}.
     */
    public static URI httpUrl(String option, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException(option + " must be an http(s)://host[:port] URL, not " + value);
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " must be an http(s)://host[:port] URL, not " + value, e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(option + " must be an http(s)://host[:port] URL, not " + value);
        }
        return uri;
    }

    @Override
    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    @Override
    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    @Override
    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    @Override
    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    @Override
    public boolean isUseDefaultCredentialsProvider() {
        return useDefaultCredentialsProvider;
    }

    public void setUseDefaultCredentialsProvider(boolean useDefaultCredentialsProvider) {
        this.useDefaultCredentialsProvider = useDefaultCredentialsProvider;
    }

    @Override
    public boolean isUseProfileCredentialsProvider() {
        return useProfileCredentialsProvider;
    }

    public void setUseProfileCredentialsProvider(boolean useProfileCredentialsProvider) {
        this.useProfileCredentialsProvider = useProfileCredentialsProvider;
    }

    @Override
    public String getProfileCredentialsName() {
        return profileCredentialsName;
    }

    public void setProfileCredentialsName(String profileCredentialsName) {
        this.profileCredentialsName = profileCredentialsName;
    }

    @Override
    public boolean isUseSessionCredentials() {
        return useSessionCredentials;
    }

    public void setUseSessionCredentials(boolean useSessionCredentials) {
        this.useSessionCredentials = useSessionCredentials;
    }

    @Override
    public boolean isOverrideEndpoint() {
        return overrideEndpoint;
    }

    public void setOverrideEndpoint(boolean overrideEndpoint) {
        this.overrideEndpoint = overrideEndpoint;
    }

    @Override
    public String getUriEndpointOverride() {
        return uriEndpointOverride;
    }

    public void setUriEndpointOverride(String uriEndpointOverride) {
        this.uriEndpointOverride = uriEndpointOverride;
    }

    @Override
    public boolean isTrustAllCertificates() {
        return trustAllCertificates;
    }

    public void setTrustAllCertificates(boolean trustAllCertificates) {
        this.trustAllCertificates = trustAllCertificates;
    }

    @Override
    public Protocol getProxyProtocol() {
        return proxyProtocol;
    }

    public void setProxyProtocol(Protocol proxyProtocol) {
        this.proxyProtocol = proxyProtocol;
    }

    @Override
    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    @Override
    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }
}

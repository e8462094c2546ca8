package dev.camelneptune.graph;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;

import dev.camelneptune.common.NeptuneAwsConfiguration;

@UriParams
public class NeptuneGraphConfiguration extends NeptuneAwsConfiguration {

    @UriPath(description = "A logical name for the endpoint; it does not select anything.")
    @Metadata(required = true)
    private String label;
    @UriParam
    @Metadata(label = "advanced", autowired = true)
    private NeptuneGraphClient neptuneGraphClient;
    @UriParam
    @Metadata(required = true)
    private NeptuneGraphOperations operation;
    @UriParam
    private String taskIdentifier;
    @UriParam
    private String graphIdentifier;
    @UriParam
    private String nextToken;
    @UriParam
    private Integer maxResults;
    @UriParam(defaultValue = "false")
    private boolean allPages;
    @UriParam
    private String roleArn;
    @UriParam
    private String source;
    @UriParam
    private String destination;
    @UriParam
    private String format;
    @UriParam
    private String kmsKeyIdentifier;
    @UriParam(label = "producer", defaultValue = "60000", javaType = "java.time.Duration")
    private long waitPollInterval = 60000;
    @UriParam(label = "producer", defaultValue = "28800000", javaType = "java.time.Duration")
    private long waitTimeout = 28800000;
    @UriParam(defaultValue = "false")
    private boolean pojoRequest;

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public NeptuneGraphClient getNeptuneGraphClient() {
        return neptuneGraphClient;
    }

    /**
     * To use an existing, configured NeptuneGraphClient. The endpoint never closes a client it did not build.
     */
    public void setNeptuneGraphClient(NeptuneGraphClient neptuneGraphClient) {
        this.neptuneGraphClient = neptuneGraphClient;
    }

    public NeptuneGraphOperations getOperation() {
        return operation;
    }

    /**
     * The operation to perform. The header CamelNeptuneGraphOperation overrides it per message.
     */
    public void setOperation(NeptuneGraphOperations operation) {
        this.operation = operation;
    }

    public String getTaskIdentifier() {
        return taskIdentifier;
    }

    /**
     * The import or export task to get, cancel or wait for: its id, t- followed by 10 lowercase letters or digits.
     */
    public void setTaskIdentifier(String taskIdentifier) {
        this.taskIdentifier = taskIdentifier;
    }

    public String getGraphIdentifier() {
        return graphIdentifier;
    }

    /**
     * The graph to import into or export from (startImportTask, startExportTask), or whose export tasks to list (listExportTasks): its id, g- followed by 10 lowercase letters or digits.
     */
    public void setGraphIdentifier(String graphIdentifier) {
        this.graphIdentifier = graphIdentifier;
    }

    public String getNextToken() {
        return nextToken;
    }

    /**
     * The page to list, as returned by a previous list operation.
     */
    public void setNextToken(String nextToken) {
        this.nextToken = nextToken;
    }

    public Integer getMaxResults() {
        return maxResults;
    }

    /**
     * How many tasks one page of a list operation holds, 1 to 100.
     */
    public void setMaxResults(Integer maxResults) {
        this.maxResults = maxResults;
    }

    public boolean isAllPages() {
        return allPages;
    }

    /**
     * Whether listImportTasks and listExportTasks follow nextToken through every page and return all the tasks as one list.
     */
    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public String getRoleArn() {
        return roleArn;
    }

    /**
     * The ARN of the IAM role a started import or export task runs as.
     */
    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getSource() {
        return source;
    }

    /**
     * Where the data of a started import task is, e.g. an Amazon S3 URI.
     */
    public void setSource(String source) {
        this.source = source;
    }

    public String getDestination() {
        return destination;
    }

    /**
     * The Amazon S3 URI a started export task writes to.
     */
    public void setDestination(String destination) {
        this.destination = destination;
    }

    public String getFormat() {
        return format;
    }

    /**
     * The data format of a started task: CSV, OPEN_CYPHER, PARQUET or NTRIPLES to import (default CSV), PARQUET or CSV to export.
     */
    public void setFormat(String format) {
        this.format = format;
    }

    public String getKmsKeyIdentifier() {
        return kmsKeyIdentifier;
    }

    /**
     * The KMS key that encrypts the data of a started export task.
     */
    public void setKmsKeyIdentifier(String kmsKeyIdentifier) {
        this.kmsKeyIdentifier = kmsKeyIdentifier;
    }

    public long getWaitPollInterval() {
        return waitPollInterval;
    }

    /**
     * How long waitForImportTask and waitForExportTask wait between two polls of the task status.
     */
    public void setWaitPollInterval(long waitPollInterval) {
        this.waitPollInterval = waitPollInterval;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    /**
     * How long waitForImportTask and waitForExportTask wait in all before they give up and fail the exchange.
     */
    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public boolean isPojoRequest() {
        return pojoRequest;
    }

    /**
     * Whether the message body is the SDK request object itself (for example a GetImportTaskRequest) instead of being built from headers and options.
     */
    public void setPojoRequest(boolean pojoRequest) {
        this.pojoRequest = pojoRequest;
    }

    /** Rejects options that cannot work, naming the option and the rule, when the endpoint is created. */
    public void validate() {
        NeptuneGraphInputRules.checkOptions(this);
        validateClientOptions("neptuneGraphClient", neptuneGraphClient, null, false);
    }

    public NeptuneGraphConfiguration copy() {
        try {
            return (NeptuneGraphConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}

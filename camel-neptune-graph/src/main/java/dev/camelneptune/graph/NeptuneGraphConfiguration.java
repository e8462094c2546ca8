package dev.camelneptune.graph;

import dev.camelneptune.common.NeptuneAwsConfiguration;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import software.amazon.awssdk.services.neptunegraph.NeptuneGraphClient;

@UriParams
public class NeptuneGraphConfiguration extends NeptuneAwsConfiguration {

    @UriPath(description = "A logical name for the endpoint; it does not select anything.")
    @Metadata(required = true)
    private String label;
    @UriParam(label = "advanced",
              description = "To use an existing, configured NeptuneGraphClient. The endpoint never closes a client it"
                            + " did not build.")
    @Metadata(autowired = true)
    private NeptuneGraphClient neptuneGraphClient;
    @UriParam(description = "The operation to perform. The header CamelNeptuneGraphOperation overrides it per message.")
    @Metadata(required = true)
    private NeptuneGraphOperations operation;
    @UriParam(description = "The import or export task to get, cancel or wait for: its id, t- followed by 10 lowercase"
                            + " letters or digits.")
    private String taskIdentifier;
    @UriParam(description = "The graph to import into or export from (startImportTask, startExportTask), or whose"
                            + " export tasks to list (listExportTasks): its id, g- followed by 10 lowercase letters or"
                            + " digits.")
    private String graphIdentifier;
    @UriParam(description = "The page to list, as returned by a previous list operation.")
    private String nextToken;
    @UriParam(description = "How many tasks one page of a list operation holds, 1 to 100.")
    private Integer maxResults;
    @UriParam(defaultValue = "false",
              description = "Whether listImportTasks and listExportTasks follow nextToken through every page and return"
                            + " all the tasks as one list.")
    private boolean allPages;
    @UriParam(description = "The ARN of the IAM role a started import or export task runs as.")
    private String roleArn;
    @UriParam(description = "Where the data of a started import task is, e.g. an Amazon S3 URI.")
    private String source;
    @UriParam(description = "The Amazon S3 URI a started export task writes to.")
    private String destination;
    @UriParam(description = "The data format of a started task: CSV, OPEN_CYPHER, PARQUET or NTRIPLES to import"
                            + " (default CSV), PARQUET or CSV to export.")
    private String format;
    @UriParam(description = "The KMS key that encrypts the data of a started export task.")
    private String kmsKeyIdentifier;
    @UriParam(label = "producer", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long waitForImportTask and waitForExportTask wait between two polls of the task"
                            + " status.")
    private long waitPollInterval = 60000;
    @UriParam(label = "producer", defaultValue = "28800000", javaType = "java.time.Duration",
              description = "How long waitForImportTask and waitForExportTask wait in all before they give up and fail"
                            + " the exchange.")
    private long waitTimeout = 28800000;
    @UriParam(defaultValue = "false",
              description = "Whether the message body is the SDK request object itself (for example a"
                            + " GetImportTaskRequest) instead of being built from headers and options.")
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

    public void setNeptuneGraphClient(NeptuneGraphClient neptuneGraphClient) {
        this.neptuneGraphClient = neptuneGraphClient;
    }

    public NeptuneGraphOperations getOperation() {
        return operation;
    }

    public void setOperation(NeptuneGraphOperations operation) {
        this.operation = operation;
    }

    public String getTaskIdentifier() {
        return taskIdentifier;
    }

    public void setTaskIdentifier(String taskIdentifier) {
        this.taskIdentifier = taskIdentifier;
    }

    public String getGraphIdentifier() {
        return graphIdentifier;
    }

    public void setGraphIdentifier(String graphIdentifier) {
        this.graphIdentifier = graphIdentifier;
    }

    public String getNextToken() {
        return nextToken;
    }

    public void setNextToken(String nextToken) {
        this.nextToken = nextToken;
    }

    public Integer getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(Integer maxResults) {
        this.maxResults = maxResults;
    }

    public boolean isAllPages() {
        return allPages;
    }

    public void setAllPages(boolean allPages) {
        this.allPages = allPages;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getKmsKeyIdentifier() {
        return kmsKeyIdentifier;
    }

    public void setKmsKeyIdentifier(String kmsKeyIdentifier) {
        this.kmsKeyIdentifier = kmsKeyIdentifier;
    }

    public long getWaitPollInterval() {
        return waitPollInterval;
    }

    public void setWaitPollInterval(long waitPollInterval) {
        this.waitPollInterval = waitPollInterval;
    }

    public long getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(long waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public boolean isPojoRequest() {
        return pojoRequest;
    }

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

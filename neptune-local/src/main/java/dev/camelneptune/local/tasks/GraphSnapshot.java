package dev.camelneptune.local.tasks;

import java.time.Instant;

/**
 * What a graph looks like at one moment of the clock.
 *
 * @param id           {@code g-[a-z0-9]{10}}
 * @param name         the model's {@code GraphName}, e.g. {@code demo-people}
 * @param arn          {@code arn:aws:neptune-graph:<region>:<account>:graph/<id>}
 * @param status       the model's {@code GraphStatus}, e.g. {@code AVAILABLE} or {@code IMPORTING}
 * @param statusReason why it has that status, or null
 * @param empty        whether it holds no data (an import task needs an empty graph)
 * @param createTime   when it was created
 * @param settings     what it was created with, as {@code GetGraph} shows it
 */
public record GraphSnapshot(String id, String name, String arn, String status, String statusReason, boolean empty,
        Instant createTime, Settings settings) {

    /**
     * What a graph is created with ({@code CreateGraphUsingImportTaskInput}) and {@code GetGraphOutput} echoes.
     *
     * @param provisionedMemory     m-NCUs: the larger of the minimum and maximum asked for, 128 when neither was
     * @param publicConnectivity    whether it has a public endpoint
     * @param replicaCount          0..2
     * @param deletionProtection    whether it cannot be deleted
     * @param vectorSearchDimension the vector index's dimension, or null for none
     * @param kmsKeyIdentifier      the KMS key ARN its data is encrypted with, or null for the service's own key
     * @param endpoint              the graph endpoint, {@code <id>.<region>.neptune-graph.amazonaws.com}
     */
    public record Settings(int provisionedMemory, boolean publicConnectivity, int replicaCount,
            boolean deletionProtection, Integer vectorSearchDimension, String kmsKeyIdentifier, String endpoint) {
    }
}

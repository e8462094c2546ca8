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
 */
public record GraphSnapshot(String id, String name, String arn, String status, String statusReason, boolean empty,
        Instant createTime) {
}

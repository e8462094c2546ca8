package dev.camelneptune.graph;

import org.apache.camel.Message;

import static dev.camelneptune.graph.NeptuneGraphConstants.DESTINATION;
import static dev.camelneptune.graph.NeptuneGraphConstants.FORMAT;
import static dev.camelneptune.graph.NeptuneGraphConstants.GRAPH_IDENTIFIER;
import static dev.camelneptune.graph.NeptuneGraphConstants.KMS_KEY_IDENTIFIER;
import static dev.camelneptune.graph.NeptuneGraphConstants.MAX_RESULTS;
import static dev.camelneptune.graph.NeptuneGraphConstants.NEXT_TOKEN;
import static dev.camelneptune.graph.NeptuneGraphConstants.ROLE_ARN;
import static dev.camelneptune.graph.NeptuneGraphConstants.SOURCE;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_IDENTIFIER;

/** The inputs of one exchange: each is its header, else the URI option of the same name. */
record Inputs(Message message, NeptuneGraphConfiguration options) {

    String taskIdentifier() {
        return text(TASK_IDENTIFIER, options.getTaskIdentifier());
    }

    String graphIdentifier() {
        return text(GRAPH_IDENTIFIER, options.getGraphIdentifier());
    }

    String nextToken() {
        return text(NEXT_TOKEN, options.getNextToken());
    }

    Integer maxResults() {
        Integer value = message.getHeader(MAX_RESULTS, Integer.class);
        return value != null ? value : options.getMaxResults();
    }

    String roleArn() {
        return text(ROLE_ARN, options.getRoleArn());
    }

    String source() {
        return text(SOURCE, options.getSource());
    }

    String destination() {
        return text(DESTINATION, options.getDestination());
    }

    String format() {
        return text(FORMAT, options.getFormat());
    }

    String kmsKeyIdentifier() {
        return text(KMS_KEY_IDENTIFIER, options.getKmsKeyIdentifier());
    }

    private String text(String header, String option) {
        String value = message.getHeader(header, String.class);
        return value != null ? value : option;
    }
}

package dev.camelneptune.stream;

import java.util.List;

/**
 * One response of the stream: its records, in stream order, as the SDK returned them.
 *
 * @param records the change records (PropertygraphRecord or SparqlRecord)
 */
record StreamPage<R>(List<R> records) {
}

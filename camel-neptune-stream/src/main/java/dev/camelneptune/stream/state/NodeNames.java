package dev.camelneptune.stream.state;

import java.net.InetAddress;

/** The default {@code owner} of the position stores: {@code <pid>@<host name>}, as the JVM names itself. */
final class NodeNames {

    private NodeNames() {
    }

    static String defaultOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String env = System.getenv("HOSTNAME");
            host = env != null && !env.isBlank() ? env : "localhost";
        }
        return ProcessHandle.current().pid() + "@" + host;
    }
}

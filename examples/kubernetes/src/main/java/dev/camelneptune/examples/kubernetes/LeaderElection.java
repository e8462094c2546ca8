package dev.camelneptune.examples.kubernetes;

import java.util.Map;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;

/**
 * The leader election of the pods: camel-kubernetes' cluster service, holding a {@code coordination.k8s.io} Lease per
 * {@code master:} namespace. Camel Main adds cluster services it finds in the registry before it binds the
 * {@code camel.beans.*} of application.properties, so this one is made here, from the {@code cluster.*} properties.
 */
public class LeaderElection implements CamelConfiguration {

    @PropertyInject("cluster.namespace")
    private String namespace;
    @PropertyInject("cluster.podName")
    private String podName;
    @PropertyInject("cluster.label")
    private String label;
    @PropertyInject(value = "cluster.leaseDurationMillis", defaultValue = "15000")
    private long leaseDurationMillis;
    @PropertyInject(value = "cluster.renewDeadlineMillis", defaultValue = "10000")
    private long renewDeadlineMillis;
    @PropertyInject(value = "cluster.retryPeriodMillis", defaultValue = "2000")
    private long retryPeriodMillis;

    @Override
    public void configure(CamelContext context) throws Exception {
        KubernetesClusterService cluster = new KubernetesClusterService();
        cluster.setKubernetesNamespace(namespace);
        cluster.setPodName(podName);
        // the pods that take part: those of the Deployment (k8s/deployment.yaml labels them app=<label>)
        cluster.setClusterLabels(Map.of("app", label));
        cluster.setLeaseResourceType(LeaseResourceType.Lease);
        cluster.setLeaseDurationMillis(leaseDurationMillis);
        cluster.setRenewDeadlineMillis(renewDeadlineMillis);
        cluster.setRetryPeriodMillis(retryPeriodMillis);
        context.addService(cluster);
    }
}

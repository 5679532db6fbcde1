package id.go.bangka.inovasi.gateway.balancing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Every route's {@code lb://<service>} URI goes round robin to the replicas of
 * {@code inovasi.gateway.services.<service>} that are ready ({@link ReadyReplicasConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ReadyReplicasConfiguration.class)
public class LoadBalancingConfiguration {
}

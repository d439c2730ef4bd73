package org.policyarchive.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link RequestIdValve} first in Tomcat's pipeline: ordered ahead of Spring Boot's own customizer, which adds
 * the remote IP valve after it.
 */
@Component
class RequestIdValveInstaller implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final ObjectProvider<TomcatServerProperties> settings;

    RequestIdValveInstaller(ObjectProvider<TomcatServerProperties> settings) {
        this.settings = settings;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        TomcatServerProperties tomcat = settings.getObject();
        factory.addEngineValves(new RequestIdValve(RequestIdValve.proxies(
                tomcat.getRemoteip().getInternalProxies(), tomcat.getRemoteip().getTrustedProxies())));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

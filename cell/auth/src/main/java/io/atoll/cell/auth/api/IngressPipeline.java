package io.atoll.cell.auth.api;

import io.atoll.cell.auth.config.CellSettings;
import io.atoll.cell.auth.domain.RequestAuthorizer;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.management.endpoint.EndpointDefaultConfiguration;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;

/**
 * Puts the access log and the service's fast paths into the pipeline of every HTTP/1.1 connection, right after the
 * HTTP codec and ahead of Micronaut's request handling: an {@link IngressAccessLog}, a {@link ForwardAuthHandler},
 * then an {@link IngressProxyHandler}. Not on the management port, whose requests are all the service's own.
 */
@Singleton
final class IngressPipeline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private final RequestAuthorizer authorizer;
    private final Decisions decisions;
    private final IngressUpstream upstream;
    private final String cellId;
    private final int managementPort;

    IngressPipeline(RequestAuthorizer authorizer, Decisions decisions, IngressUpstream upstream, CellSettings cell,
                    EndpointDefaultConfiguration endpoints) {
        this.authorizer = authorizer;
        this.decisions = decisions;
        this.upstream = upstream;
        this.cellId = cell.id();
        this.managementPort = endpoints.getPort().orElse(-1);
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel connection;

        Customizer(Channel connection) {
            this.connection = connection;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (connection == null || ((InetSocketAddress) connection.localAddress()).getPort() == managementPort) {
                return;
            }
            ChannelPipeline pipeline = connection.pipeline();
            // HTTP/1.1 only: an HTTP/2 connection has no such codec, and all its requests go through Micronaut.
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null) {
                pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, IngressAccessLog.NAME, new IngressAccessLog(cellId));
                pipeline.addAfter(IngressAccessLog.NAME, ForwardAuthHandler.NAME, new ForwardAuthHandler(authorizer, decisions));
                pipeline.addAfter(ForwardAuthHandler.NAME, IngressProxyHandler.NAME, new IngressProxyHandler(upstream));
            }
        }
    }
}

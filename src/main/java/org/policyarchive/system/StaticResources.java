package org.policyarchive.system;

import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The stylesheets, scripts and icon under {@code classpath:/static}. Pages link each by a name that carries a hash of
 * its content ({@code /css/archive-<md5>.css}: a template's {@code @{/css/archive.css}} is rewritten by
 * {@link ResourceUrlEncodingFilter}), so a browser or a proxy may keep it for a year without asking again: a changed
 * file gets another name. The plain names still answer, for links from elsewhere, and are revalidated each time.
 * Both are same-origin, so the Content-Security-Policy's {@code default-src 'self'} covers them.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    static final CacheControl FINGERPRINTED =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new FingerprintedForAYear())
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    /** Rewrites the links that templates write through {@code @{...}} to the fingerprinted names. */
    @Bean
    ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
        return new ResourceUrlEncodingFilter();
    }

    /**
     * Gives a file asked for by its fingerprinted name the year-long, immutable {@code Cache-Control}, which the
     * handler's own setting (revalidate every time) would otherwise give it too.
     */
    static final class FingerprintedForAYear extends AbstractResourceResolver {

        @Override
        protected @Nullable Resource resolveResourceInternal(
                @Nullable HttpServletRequest request,
                String requestPath,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            Resource resource = chain.resolveResource(request, requestPath, locations);
            boolean fingerprinted =
                    resource != null && !Objects.equals(StringUtils.getFilename(requestPath), resource.getFilename());
            return fingerprinted ? new Immutable(resource) : resource;
        }

        @Override
        protected @Nullable String resolveUrlPathInternal(
                String resourceUrlPath, List<? extends Resource> locations, ResourceResolverChain chain) {
            return chain.resolveUrlPath(resourceUrlPath, locations);
        }
    }

    /** A resolved file with the headers of a name that never changes its content. */
    static final class Immutable extends AbstractResource implements HttpResource {

        private final Resource file;

        Immutable(Resource file) {
            this.file = file;
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            HttpHeaders headers = new HttpHeaders();
            if (file instanceof HttpResource http) {
                headers.putAll(http.getResponseHeaders());
            }
            headers.setCacheControl(FINGERPRINTED);
            return headers;
        }

        @Override
        public boolean exists() {
            return file.exists();
        }

        @Override
        public boolean isReadable() {
            return file.isReadable();
        }

        @Override
        public boolean isFile() {
            return file.isFile();
        }

        @Override
        public URL getURL() throws IOException {
            return file.getURL();
        }

        @Override
        public URI getURI() throws IOException {
            return file.getURI();
        }

        @Override
        public File getFile() throws IOException {
            return file.getFile();
        }

        @Override
        public ReadableByteChannel readableChannel() throws IOException {
            return file.readableChannel();
        }

        @Override
        public long contentLength() throws IOException {
            return file.contentLength();
        }

        @Override
        public long lastModified() throws IOException {
            return file.lastModified();
        }

        @Override
        public Resource createRelative(String relativePath) throws IOException {
            return file.createRelative(relativePath);
        }

        @Override
        public @Nullable String getFilename() {
            return file.getFilename();
        }

        @Override
        public String getDescription() {
            return file.getDescription();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return file.getInputStream();
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Immutable immutable && immutable.file.equals(file);
        }

        @Override
        public int hashCode() {
            return file.hashCode();
        }
    }
}

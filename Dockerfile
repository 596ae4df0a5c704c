# Two stages: build with the pinned toolchain, run on a slim Debian with libssl
# (josekit links the system OpenSSL).
FROM rust:1.95-bookworm AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends libssl-dev pkg-config && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cargo build --release --locked

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libssl3 ca-certificates && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /var/lib/clave clave && mkdir -p /var/lib/clave && chown clave /var/lib/clave
COPY --from=build /src/target/release/clave-idp /usr/local/bin/clave-idp
COPY config /etc/clave-idp/config
COPY templates /etc/clave-idp/templates
WORKDIR /var/lib/clave
USER clave
ENV CLAVE_CONFIG_DIR=/etc/clave-idp/config
EXPOSE 8080
ENTRYPOINT ["clave-idp"]
CMD ["serve"]

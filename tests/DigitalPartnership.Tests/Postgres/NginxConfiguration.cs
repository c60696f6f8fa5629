namespace DigitalPartnership.Tests.Postgres;

/// <summary>The nginx configuration of docs/deploy.md, with the test's own folder and ports.</summary>
public static class NginxConfiguration
{
    public static string TwoInstances(string folder, int listen, int first, int second) => $$"""
        worker_processes 1;
        daemon off;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log;
        events { worker_connections 256; }
        http {
            access_log {{folder}}/access.log;
            client_body_temp_path {{folder}}/body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;

            upstream portal {
                server 127.0.0.1:{{first}} max_fails=1 fail_timeout=10s;
                server 127.0.0.1:{{second}} max_fails=1 fail_timeout=10s;
                keepalive 16;
            }

            server {
                listen 127.0.0.1:{{listen}};
                client_max_body_size 2m;
                location / {
                    proxy_pass http://portal;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    # An instance that is down: try the other (for GETs; a POST is never sent twice).
                    proxy_next_upstream error timeout http_502 http_503;
                    proxy_next_upstream_tries 2;
                    proxy_connect_timeout 2s;
                }
            }
        }
        """;
}

# One image for web (gunicorn) and worker (celery).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=kpu_site.settings_production

# WeasyPrint's system libraries (Pango, HarfBuzz, fontconfig) and the fonts the PDFs are set
# in (the same list as scripts/pustaka_sistem.sh; DejaVu Serif Italic is in -extra); curl for
# health checks.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 \
        shared-mime-info fonts-dejavu-core fonts-dejavu-extra fonts-liberation2 fonts-noto-core \
        curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --upgrade pip && pip install .
COPY . .
# collectstatic needs no secret: it runs with the development settings (the same STATIC_ROOT and
# storage); the production settings refuse any published key.
RUN pip install --no-deps -e . \
    && DJANGO_SETTINGS_MODULE=kpu_site.settings python manage.py collectstatic --noinput

RUN useradd --create-home --uid 1000 kpu && mkdir -p /app/media && chown -R kpu /app/media
USER kpu
EXPOSE 8000
CMD ["gunicorn", "kpu_site.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60"]

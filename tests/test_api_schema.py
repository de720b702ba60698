"""The OpenAPI schema documents every operation: generated without a warning or error, every
2xx response and every request body names its fields (no bare ``object``, no untyped value),
and it is served at ``/api/schema/``."""

from __future__ import annotations

import pytest
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

METODE_TULIS = {"post", "put", "patch"}


@pytest.fixture(scope="module")
def skema():
    GENERATOR_STATS.reset()
    schema = SchemaGenerator().get_schema(request=None, public=True)
    masalah = {**GENERATOR_STATS._warn_cache, **GENERATOR_STATS._error_cache}
    GENERATOR_STATS.reset()
    return schema, masalah


def _tanpa_isi(schema: dict, tempat: str, komponen: dict, dilihat=frozenset()) -> list[str]:
    """Where in ``schema`` a value is a bare object or has no type at all."""
    if "$ref" in schema:
        nama = schema["$ref"].rsplit("/", 1)[-1]
        if nama in dilihat:
            return []
        return _tanpa_isi(komponen[nama], f"{tempat}<{nama}>", komponen, dilihat | {nama})
    for gabungan in ("allOf", "oneOf", "anyOf"):
        if gabungan in schema:
            return [m for s in schema[gabungan] for m in _tanpa_isi(s, tempat, komponen, dilihat)]
    if not set(schema) - {"description", "readOnly", "writeOnly", "nullable", "title"}:
        return [f"{tempat}: tanpa tipe"]
    if schema.get("type") == "array":
        return _tanpa_isi(schema.get("items", {}), f"{tempat}[]", komponen, dilihat)
    if schema.get("type") != "object":
        return []
    sifat, tambahan = schema.get("properties"), schema.get("additionalProperties")
    if not sifat and not isinstance(tambahan, dict):
        return [f"{tempat}: object tanpa properti"]
    hasil = [
        m
        for n, s in (sifat or {}).items()
        for m in _tanpa_isi(s, f"{tempat}.{n}", komponen, dilihat)
    ]
    if isinstance(tambahan, dict):
        hasil += _tanpa_isi(tambahan, f"{tempat}.*", komponen, dilihat)
    return hasil


def _operasi(schema):
    for path, ops in schema["paths"].items():
        for metode, op in ops.items():
            if metode in {"get", "post", "put", "patch", "delete"}:
                yield f"{metode.upper()} {path}", metode, op


def test_schema_generates_without_warnings_or_errors(skema):
    _schema, masalah = skema
    assert masalah == {}


def test_every_operation_documents_its_response_fields(skema):
    schema, _ = skema
    komponen = schema["components"]["schemas"]
    kurang = []
    for nama, _metode, op in _operasi(schema):
        sukses = {k: v for k, v in op["responses"].items() if k.startswith("2")}
        if not sukses:
            kurang.append(f"{nama}: tidak ada respons 2xx")
        for kode, respons in sukses.items():
            isi = respons.get("content")
            if not isi:
                if kode != "204":
                    kurang.append(f"{nama} {kode}: respons tanpa skema")
                continue
            for jenis, media in isi.items():
                if jenis == "application/json":
                    kurang += _tanpa_isi(media.get("schema", {}), f"{nama} {kode}", komponen)
                elif media.get("schema", {}).get("format") != "binary":
                    kurang.append(f"{nama} {kode} {jenis}: bukan berkas biner")
    assert kurang == []


def test_every_request_body_documents_its_fields(skema):
    schema, _ = skema
    komponen = schema["components"]["schemas"]
    kurang = []
    jumlah_badan = 0
    for nama, metode, op in _operasi(schema):
        badan = op.get("requestBody")
        if badan is None:
            continue
        assert metode in METODE_TULIS, nama
        jumlah_badan += 1
        for jenis, media in badan["content"].items():
            kurang += _tanpa_isi(media.get("schema", {}), f"{nama} ({jenis})", komponen)
    assert kurang == []
    assert jumlah_badan > 40  # the writes of every app are in the schema


def test_known_operations_document_their_fields(skema):
    schema, _ = skema
    komponen = schema["components"]["schemas"]

    def sifat(path, metode="get", kode="200"):
        s = schema["paths"][path][metode]["responses"][kode]["content"]["application/json"]
        s = s["schema"]
        return set(komponen[s["$ref"].rsplit("/", 1)[-1]]["properties"])

    assert sifat("/api/anggaran/dokumen/{id}/pohon/") == {
        *("dokumen", "revisi", "pagu", "realisasi", "sisa", "serapan", "pos"),
    }
    assert sifat("/api/anggaran/laporan/") == {"tahun", "tabel_3_1", "sumber_dana", "hibah"}
    assert sifat("/api/kinerja/capaian/") == {"tahun", "pengaturan", "rata_rata", "baris"}
    assert "ketua" in sifat("/api/organisasi/ringkasan/")
    assert "kesalahan" in sifat("/api/anggaran/dokumen/{id}/impor/", "post")
    assert sifat("/api/kinerja/sasaran/{id}/", "patch") == {
        *("id", "tujuan", "nomor", "uraian", "unit"),
    }


@pytest.mark.django_db
def test_schema_is_served(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    assert "/api/kinerja/sasaran/{id}/" in response.json()["paths"]


def _turunan(kelas):
    for sub in kelas.__subclasses__():
        yield sub
        yield from _turunan(sub)


def test_every_declared_field_of_a_nullable_column_says_it_may_be_null():
    """A serializer field declared by hand over a column that may be empty (a nullable foreign
    key such as ``difinalkan_oleh``) must allow null: the schema then says ``nullable`` and a
    draft's empty value is not a schema violation (the API fuzz found one)."""
    from django.urls import get_resolver
    from rest_framework import serializers

    get_resolver().url_patterns  # noqa: B018 (imports every API module)
    salah = []
    for kelas in set(_turunan(serializers.ModelSerializer)):
        meta = getattr(kelas, "Meta", None)
        if (
            meta is None
            or not hasattr(meta, "model")
            or not kelas.__module__.startswith(
                ("kinerja", "anggaran", "badan_adhoc", "sekretariat", "kpu_site")
            )
        ):
            continue
        kolom = {f.name: f for f in meta.model._meta.concrete_fields}
        for nama, field in kelas._declared_fields.items():
            if not field.read_only:
                continue
            sumber = field.source or nama
            model_field = kolom.get(sumber)
            if model_field is not None and model_field.null and not field.allow_null:
                salah.append(f"{kelas.__module__}.{kelas.__qualname__}.{nama}")
    assert not salah, salah

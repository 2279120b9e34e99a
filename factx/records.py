"""The record contract (shared spec RECORDS.md): the types records are built as, pydantic models, JSON Schema.

Records are built as the ``RecordDict`` family below: typed dicts, so they cost
nothing to build and serialise to exactly the bytes of the contract (keys in
contract order). The pydantic models document every field, give ``factx
schema`` and the ``factx.Record`` objects of the Python API; a test keeps both
families field for field the same, and tests validate output against the schema.
"""
from __future__ import annotations

from typing import Literal, Optional, TypedDict, Union

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["count", "money", "percent", "measure", "duration", "age", "other"]
Mod = Literal["approx", "less_than", "more_than", "at_most", "at_least"]
Number = Union[int, float]  # 54 stays 54 (as the CLI writes it), 2.5 stays 2.5


class FigureField(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the figure exactly as in the input, with qualifier and scale word")
    start: int = Field(ge=0, description="character offset of the figure's first character")
    end: int = Field(ge=0, description="character offset just past the figure (text[start:end] == text)")
    value: Optional[Number] = Field(description="the number with scale applied; null for a range")
    low: Optional[Number] = Field(description="lower bound (equals value for a single figure)")
    high: Optional[Number] = Field(description="upper bound (equals value for a single figure)")
    mod: Optional[Mod] = Field(description="qualifier: null when stated exactly")
    unit: Optional[str] = Field(description="counted noun, ISO 4217 code, '%', unit of measure named in words "
                                            "('kilometres', 'degrees Celsius'), or for a duration or an age its unit "
                                            "of time ('years', 'months', 'days')")
    kind: Kind


class Mention(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the words as in the input")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class WhoField(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the source as written near the figure")
    name: str = Field(description="resolved full name (pronouns, aliases and descriptions resolved)")
    label: Optional[str] = Field(description="entity type: PERSON, ORG, GPE, NORP, ...")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class WhenField(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    value: Optional[str] = Field(description="TIMEX3-style value: 2025-02-27, 2025-02, 2025-W09, XXXX-02-27, intervals a/b")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class WhereField(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    label: str = Field(description="GPE, LOC, FAC or NORP")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    country: Optional[str] = Field(default=None, description="ISO 3166-1 alpha-2 code when known")


class Origin(BaseModel):
    """How one field was found: the rule that chose it, and the sentence it was carried from when it is not the
    figure's own."""

    model_config = ConfigDict(extra="forbid")
    rule: Optional[str] = Field(description="the rule that chose the field ('reporting verb', 'according to', "
                                            "'quotation speaker', 'poll passage', 'time of its clause', "
                                            "'previous sentence'...); null when the field is null")
    carried_from: Optional[Mention] = Field(description="the sentence the field was carried from (its text and "
                                                        "offsets); null when it comes from the figure's own sentence")


class Provenance(BaseModel):
    model_config = ConfigDict(extra="forbid")
    who: Origin
    when: Origin
    where: Origin


class Record(BaseModel):
    """One reported figure: who reported what figure, when and where."""

    model_config = ConfigDict(extra="allow")
    doc: str = Field(description="path as given, '-' for stdin, or the JSON Lines id")
    figure: FigureField
    what: Optional[str] = Field(description="the event or property the figure quantifies")
    subject: Optional[Mention] = Field(default=None, description="the entity or group the figure measures: 'Apple' "
                                       "in 'Apple holds $214.9 billion', 'North Korean soldiers' in '4,000 North "
                                       "Korean soldiers were killed'; null when the text does not say")
    part_of: Optional[Mention] = Field(default=None, description="for a part of a larger group, that group as "
                                       "written: 'those injured' in '20 of those injured'; null otherwise")
    who: Optional[WhoField]
    cue: Optional[str] = Field(description="the word or phrase carrying the attribution; null when who is null")
    when: Optional[WhenField]
    where: Optional[WhereField]
    sentence: str = Field(description="the sentence holding the figure, as in the input")
    doc_date: Optional[str] = Field(default=None, description="the document date used to resolve relative dates")
    claim: Optional[str] = Field(default=None, description="id shared by the document's records that measure the "
                                                          "same thing (same what, unit, place and time); null when alone")
    provenance: Optional[Provenance] = Field(default=None, description="how who, when and where were found: the "
                                             "rule, and the sentence a field was carried from (an extra field)")


def json_schema() -> dict:
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://factx.invalid/record.schema.json"
    return schema


class FigureDict(TypedDict):
    text: str
    start: int
    end: int
    value: int | float | None
    low: int | float | None
    high: int | float | None
    mod: str | None
    unit: str | None
    kind: str


class MentionDict(TypedDict):
    text: str
    start: int
    end: int


class WhoDict(TypedDict):
    text: str
    name: str
    label: str | None
    start: int
    end: int


class WhenDict(TypedDict):
    text: str
    value: str | None
    start: int
    end: int


class WhereDict(TypedDict):
    text: str
    label: str
    start: int
    end: int
    country: str | None


class RecordDict(TypedDict):
    """One record as factx builds and writes it."""

    doc: str
    figure: FigureDict
    what: str | None
    subject: MentionDict | None
    part_of: MentionDict | None
    who: WhoDict | None
    cue: str | None
    when: WhenDict | None
    where: WhereDict | None
    sentence: str
    doc_date: str | None
    claim: str | None
    provenance: "ProvenanceDict"


class OriginDict(TypedDict):
    rule: str | None
    carried_from: MentionDict | None


class ProvenanceDict(TypedDict):
    who: OriginDict
    when: OriginDict
    where: OriginDict

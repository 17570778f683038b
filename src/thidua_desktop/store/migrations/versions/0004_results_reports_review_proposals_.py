"""Phase results, reports, the review, proposals, the outgoing-document register and the outbox.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 00:01:21.359588
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('indicator_result',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('indicator_code', sa.String(length=40), nullable=False),
    sa.Column('phase_number', sa.Integer(), nullable=False),
    sa.Column('value', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('numerator', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('denominator', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('evidence_number', sa.String(length=120), nullable=False),
    sa.Column('evidence_date', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_indicator_result_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_result')),
    sa.UniqueConstraint('year_id', 'indicator_code', 'phase_number', name='year_indicator_phase')
    )
    with op.batch_alter_table('indicator_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_result_year_id'), ['year_id'], unique=False)

    op.create_table('report',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('phase_number', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('sections', sa.JSON(), nullable=False),
    sa.Column('document_code', sa.String(length=80), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('supersedes_id', sa.Uuid(), nullable=True),
    sa.Column('returned_comment', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['supersedes_id'], ['report.id'], name=op.f('fk_report_supersedes_id_report'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_report_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report')),
    sa.UniqueConstraint('year_id', 'kind', 'phase_number', 'version', name='year_kind_version')
    )
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_year_id'), ['year_id'], unique=False)

    op.create_table('review_meeting',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('chair', sa.String(length=200), nullable=False),
    sa.Column('secretary', sa.String(length=200), nullable=False),
    sa.Column('attendance_total', sa.Integer(), nullable=True),
    sa.Column('attendance_present', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_review_meeting_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_meeting')),
    sa.UniqueConstraint('year_id', name='year')
    )
    with op.batch_alter_table('review_meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_meeting_year_id'), ['year_id'], unique=False)

    op.create_table('outbox_message',
    sa.Column('to_addrs', sa.JSON(), nullable=False),
    sa.Column('cc_addrs', sa.JSON(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('attachments', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('message_id', sa.String(length=300), nullable=False),
    sa.Column('report_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_outbox_message_report_id_report'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_message'))
    )
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_message_status'), ['status'], unique=False)

    op.create_table('outgoing_document',
    sa.Column('unit_id', sa.Uuid(), nullable=False),
    sa.Column('register_year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('type_code', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('emulation_year', sa.Integer(), nullable=True),
    sa.Column('report_id', sa.Uuid(), nullable=True),
    sa.Column('files', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_outgoing_document_report_id_report'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_outgoing_document_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outgoing_document')),
    sa.UniqueConstraint('unit_id', 'register_year', 'number', name='unit_year_number')
    )
    with op.batch_alter_table('outgoing_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outgoing_document_unit_id'), ['unit_id'], unique=False)

    op.create_table('proposal',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=True),
    sa.Column('collective_name', sa.String(length=300), nullable=False),
    sa.Column('award_code', sa.String(length=40), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('decision_number', sa.String(length=80), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_proposal_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_proposal_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal'))
    )
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_year_id'), ['year_id'], unique=False)

    op.create_table('review_result',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=True),
    sa.Column('title_code', sa.String(length=40), nullable=False),
    sa.Column('registered', sa.Boolean(), nullable=False),
    sa.Column('achieved', sa.Boolean(), nullable=True),
    sa.Column('votes_for', sa.Integer(), nullable=True),
    sa.Column('votes_total', sa.Integer(), nullable=True),
    sa.Column('exclusions', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_review_result_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_review_result_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_result')),
    sa.UniqueConstraint('year_id', 'person_id', 'title_code', name='year_person_title')
    )
    with op.batch_alter_table('review_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_result_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_result_year_id'), ['year_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('review_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_result_year_id'))
        batch_op.drop_index(batch_op.f('ix_review_result_person_id'))

    op.drop_table('review_result')
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_year_id'))
        batch_op.drop_index(batch_op.f('ix_proposal_person_id'))

    op.drop_table('proposal')
    with op.batch_alter_table('outgoing_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outgoing_document_unit_id'))

    op.drop_table('outgoing_document')
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_message_status'))

    op.drop_table('outbox_message')
    with op.batch_alter_table('review_meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_meeting_year_id'))

    op.drop_table('review_meeting')
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_year_id'))

    op.drop_table('report')
    with op.batch_alter_table('indicator_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_result_year_id'))

    op.drop_table('indicator_result')

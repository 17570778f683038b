"""Initiatives register: initiatives, authors with shares, attachments; registrations link to one.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 23:41:11.945610
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('initiative',
    sa.Column('unit_id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('phase_number', sa.Integer(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('field', sa.String(length=200), nullable=False),
    sa.Column('investor', sa.String(length=300), nullable=False),
    sa.Column('first_applied_on', sa.Date(), nullable=True),
    sa.Column('trial', sa.Boolean(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('conditions', sa.Text(), nullable=False),
    sa.Column('economic_benefit', sa.Numeric(precision=18, scale=0), nullable=True),
    sa.Column('social_benefit', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('refusal_reason', sa.Text(), nullable=False),
    sa.Column('recognition_level', sa.String(length=12), nullable=True),
    sa.Column('decision_number', sa.String(length=60), nullable=False),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('decision_issuer', sa.String(length=300), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('search_key', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_initiative_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative'))
    )
    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_initiative_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_initiative_year'), ['year'], unique=False)

    op.create_table('attachment',
    sa.Column('initiative_id', sa.Uuid(), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('media_type', sa.String(length=120), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_attachment_initiative_id_initiative'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_initiative_id'), ['initiative_id'], unique=False)

    op.create_table('initiative_author',
    sa.Column('initiative_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=True),
    sa.Column('outside_name', sa.String(length=200), nullable=False),
    sa.Column('outside_workplace', sa.String(length=300), nullable=False),
    sa.Column('share', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.Column('category', sa.String(length=12), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_initiative_author_initiative_id_initiative'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_initiative_author_person_id_person'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_initiative_author'))
    )
    with op.batch_alter_table('initiative_author', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_author_initiative_id'), ['initiative_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_initiative_author_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('individual_registration', schema=None) as batch_op:
        batch_op.add_column(sa.Column('initiative_id', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_individual_registration_initiative_id'), ['initiative_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_individual_registration_initiative_id_initiative'), 'initiative', ['initiative_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('individual_registration', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_individual_registration_initiative_id_initiative'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_individual_registration_initiative_id'))
        batch_op.drop_column('initiative_id')

    with op.batch_alter_table('initiative_author', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_author_person_id'))
        batch_op.drop_index(batch_op.f('ix_initiative_author_initiative_id'))

    op.drop_table('initiative_author')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_initiative_id'))

    op.drop_table('attachment')
    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_year'))
        batch_op.drop_index(batch_op.f('ix_initiative_unit_id'))
        batch_op.drop_index(batch_op.f('ix_initiative_status'))

    op.drop_table('initiative')

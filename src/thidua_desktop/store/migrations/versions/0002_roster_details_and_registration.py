"""Roster details (ethnicity, department, education, phone, email) and the registration tables.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 23:25:07.179481
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('collective_registration',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('signature_content', sa.Text(), nullable=False),
    sa.Column('commitments', sa.Text(), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('movement_codes', sa.JSON(), nullable=False),
    sa.Column('title_codes', sa.JSON(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_collective_registration_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_collective_registration')),
    sa.UniqueConstraint('year_id', name='year')
    )
    with op.batch_alter_table('collective_registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_collective_registration_year_id'), ['year_id'], unique=False)

    op.create_table('indicator_registration',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('indicator_code', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_indicator_registration_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_registration')),
    sa.UniqueConstraint('year_id', 'indicator_code', name='year_indicator')
    )
    with op.batch_alter_table('indicator_registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_registration_year_id'), ['year_id'], unique=False)

    op.create_table('individual_registration',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('title_code', sa.String(length=40), nullable=False),
    sa.Column('planned_initiative', sa.Text(), nullable=False),
    sa.Column('position_snapshot', sa.String(length=200), nullable=False),
    sa.Column('group_snapshot', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_individual_registration_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_individual_registration_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_individual_registration')),
    sa.UniqueConstraint('year_id', 'person_id', 'title_code', name='year_person_title')
    )
    with op.batch_alter_table('individual_registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_individual_registration_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_individual_registration_year_id'), ['year_id'], unique=False)

    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ethnicity', sa.String(length=60), server_default='', nullable=False))
        batch_op.add_column(sa.Column('department', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('education', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('phone', sa.String(length=60), server_default='', nullable=False))
        batch_op.add_column(sa.Column('email', sa.String(length=200), server_default='', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('email')
        batch_op.drop_column('phone')
        batch_op.drop_column('education')
        batch_op.drop_column('department')
        batch_op.drop_column('ethnicity')

    with op.batch_alter_table('individual_registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_individual_registration_year_id'))
        batch_op.drop_index(batch_op.f('ix_individual_registration_person_id'))

    op.drop_table('individual_registration')
    with op.batch_alter_table('indicator_registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_registration_year_id'))

    op.drop_table('indicator_registration')
    with op.batch_alter_table('collective_registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_collective_registration_year_id'))

    op.drop_table('collective_registration')

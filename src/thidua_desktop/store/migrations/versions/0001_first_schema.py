"""First schema: unit, year plan (phases, movements, indicators, titles, rules), roster, audit log.

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 23:15:13.649421
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('app_setting',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_setting'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=200), nullable=False),
    sa.Column('entity', sa.String(length=60), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('operation', sa.String(length=10), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_entity_id'), ['entity_id'], unique=False)

    op.create_table('unit',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('issuer_code', sa.String(length=40), nullable=False),
    sa.Column('upper_union', sa.String(length=300), nullable=False),
    sa.Column('upper_union_parent', sa.String(length=300), nullable=False),
    sa.Column('place_name', sa.String(length=120), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('upper_union_email', sa.String(length=200), nullable=False),
    sa.Column('employer_name', sa.String(length=300), nullable=False),
    sa.Column('sector', sa.String(length=20), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit'))
    )
    op.create_table('emulation_year',
    sa.Column('unit_id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('plan_key', sa.String(length=120), nullable=False),
    sa.Column('plan_number', sa.String(length=60), nullable=False),
    sa.Column('plan_issuer', sa.String(length=300), nullable=False),
    sa.Column('plan_issued_on', sa.Date(), nullable=True),
    sa.Column('plan_title', sa.Text(), nullable=False),
    sa.Column('theme', sa.Text(), nullable=False),
    sa.Column('rule_set', sa.String(length=300), nullable=False),
    sa.Column('registration_due', sa.Date(), nullable=True),
    sa.Column('report_due_days', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_emulation_year_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_emulation_year')),
    sa.UniqueConstraint('unit_id', 'year', name='unit_year')
    )
    with op.batch_alter_table('emulation_year', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emulation_year_unit_id'), ['unit_id'], unique=False)

    op.create_table('officer',
    sa.Column('unit_id', sa.Uuid(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_officer_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_officer'))
    )
    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_officer_unit_id'), ['unit_id'], unique=False)

    op.create_table('union_group',
    sa.Column('unit_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('leader_name', sa.String(length=200), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_union_group_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_union_group'))
    )
    with op.batch_alter_table('union_group', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_union_group_unit_id'), ['unit_id'], unique=False)

    op.create_table('award_title',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('subject', sa.String(length=20), nullable=False),
    sa.Column('category', sa.String(length=10), nullable=False),
    sa.Column('system', sa.String(length=10), nullable=False),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('women_only', sa.Boolean(), nullable=False),
    sa.Column('requires_initiative', sa.Boolean(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_award_title_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_award_title')),
    sa.UniqueConstraint('year_id', 'code', name='year_code')
    )
    with op.batch_alter_table('award_title', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_award_title_year_id'), ['year_id'], unique=False)

    op.create_table('indicator',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('unit_of_measure', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('computed_from', sa.String(length=80), nullable=True),
    sa.Column('group', sa.String(length=20), nullable=False),
    sa.Column('levels', sa.String(length=40), nullable=False),
    sa.Column('plan_target', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('plan_target_text', sa.String(length=200), nullable=False),
    sa.Column('movement_code', sa.String(length=40), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_indicator_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator')),
    sa.UniqueConstraint('year_id', 'code', name='year_code')
    )
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_year_id'), ['year_id'], unique=False)

    op.create_table('movement',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('launched_by', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_movement_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_movement'))
    )
    with op.batch_alter_table('movement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_movement_year_id'), ['year_id'], unique=False)

    op.create_table('person',
    sa.Column('unit_id', sa.Uuid(), nullable=False),
    sa.Column('family_middle', sa.String(length=200), nullable=False),
    sa.Column('given_name', sa.String(length=80), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('union_group_id', sa.Uuid(), nullable=True),
    sa.Column('is_member', sa.Boolean(), nullable=False),
    sa.Column('joined_union_on', sa.Date(), nullable=True),
    sa.Column('employed_since', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('search_key', sa.String(length=400), nullable=False),
    sa.Column('sort_key', sa.String(length=800), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['union_group_id'], ['union_group.id'], name=op.f('fk_person_union_group_id_union_group'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_person_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_search_key'), ['search_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_sort_key'), ['sort_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_union_group_id'), ['union_group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_unit_id'), ['unit_id'], unique=False)

    op.create_table('phase',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('report_due', sa.Date(), nullable=False),
    sa.Column('lock_date', sa.Date(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_phase_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_phase')),
    sa.UniqueConstraint('year_id', 'number', name='year_number')
    )
    with op.batch_alter_table('phase', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phase_year_id'), ['year_id'], unique=False)

    op.create_table('rule_value',
    sa.Column('year_id', sa.Uuid(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Numeric(precision=20, scale=4), nullable=False),
    sa.Column('unit_of_measure', sa.String(length=40), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('basis', sa.String(length=300), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['year_id'], ['emulation_year.id'], name=op.f('fk_rule_value_year_id_emulation_year'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rule_value')),
    sa.UniqueConstraint('year_id', 'key', name='year_key')
    )
    with op.batch_alter_table('rule_value', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rule_value_year_id'), ['year_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('rule_value', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rule_value_year_id'))

    op.drop_table('rule_value')
    with op.batch_alter_table('phase', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_phase_year_id'))

    op.drop_table('phase')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_unit_id'))
        batch_op.drop_index(batch_op.f('ix_person_union_group_id'))
        batch_op.drop_index(batch_op.f('ix_person_sort_key'))
        batch_op.drop_index(batch_op.f('ix_person_search_key'))

    op.drop_table('person')
    with op.batch_alter_table('movement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_movement_year_id'))

    op.drop_table('movement')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_year_id'))

    op.drop_table('indicator')
    with op.batch_alter_table('award_title', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_award_title_year_id'))

    op.drop_table('award_title')
    with op.batch_alter_table('union_group', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_union_group_unit_id'))

    op.drop_table('union_group')
    with op.batch_alter_table('officer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_officer_unit_id'))

    op.drop_table('officer')
    with op.batch_alter_table('emulation_year', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emulation_year_unit_id'))

    op.drop_table('emulation_year')
    op.drop_table('unit')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_entity_id'))
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    op.drop_table('app_setting')

import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { GraphQLContext } from '../graphql/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, as an ISO-8601 string in UTC (e.g. "2026-11-16T00:00:00Z"). */
  DateTime: { input: string; output: string; }
};

export type CountSeries = {
  __typename?: 'CountSeries';
  /** Bucket starts, shared by every group; buckets without data are 0 in each group. */
  buckets: Array<Scalars['DateTime']['output']>;
  grain: Grain;
  groups: Array<CountSeriesGroup>;
  total: Scalars['Float']['output'];
};

export type CountSeriesGroup = {
  __typename?: 'CountSeriesGroup';
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  total: Scalars['Float']['output'];
  /** One value per bucket, aligned with CountSeries.buckets. */
  values: Array<Scalars['Float']['output']>;
};

export type DimensionValue = {
  __typename?: 'DimensionValue';
  /** The stored code (e.g. EU, hate_speech). */
  code: Scalars['String']['output'];
  /** What people read (e.g. Europe, Hate speech). */
  label: Scalars['String']['output'];
};

export type Dimensions = {
  __typename?: 'Dimensions';
  /** Start of the first hour holding moderation decisions; null on an empty database. */
  dataFrom?: Maybe<Scalars['DateTime']['output']>;
  /** Exclusive end of the data: the end of the last hour holding decisions; null on an empty database. */
  dataTo?: Maybe<Scalars['DateTime']['output']>;
  policies: Array<DimensionValue>;
  regions: Array<DimensionValue>;
};

/** Time bucket of a series. Weeks are ISO weeks (start on Monday). */
export type Grain =
  | 'DAY'
  | 'HOUR'
  | 'WEEK';

/** A dimension the moderation decisions can be grouped by. */
export type ModerationDimension =
  | 'ACTION'
  | 'CONTENT_TYPE'
  | 'COUNTRY'
  | 'DETECTION_SOURCE'
  | 'ENFORCEMENT_PATH'
  | 'POLICY'
  | 'REGION';

export type Query = {
  __typename?: 'Query';
  /** What the filter bar can offer: regions, policies and the time span that holds data. */
  dimensions: Dimensions;
  /**
   * Moderation decisions counted over time, from the hourly rollup.
   * Without groupBy there is one group, keyed "all".
   */
  moderationDecisions: CountSeries;
};


export type QueryModerationDecisionsArgs = {
  filter?: InputMaybe<SliceFilter>;
  grain: Grain;
  groupBy?: InputMaybe<ModerationDimension>;
  range: TimeRangeInput;
};

/** Filters shared by the analytics queries. An empty or missing list means no filter. */
export type SliceFilter = {
  policies?: InputMaybe<Array<Scalars['String']['input']>>;
  regions?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A half-open time range [from, to). */
export type TimeRangeInput = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CountSeries: ResolverTypeWrapper<CountSeries>;
  CountSeriesGroup: ResolverTypeWrapper<CountSeriesGroup>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DimensionValue: ResolverTypeWrapper<DimensionValue>;
  Dimensions: ResolverTypeWrapper<Dimensions>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Grain: Grain;
  ModerationDimension: ModerationDimension;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SliceFilter: SliceFilter;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  TimeRangeInput: TimeRangeInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  CountSeries: CountSeries;
  CountSeriesGroup: CountSeriesGroup;
  DateTime: Scalars['DateTime']['output'];
  DimensionValue: DimensionValue;
  Dimensions: Dimensions;
  Float: Scalars['Float']['output'];
  Query: Record<PropertyKey, never>;
  SliceFilter: SliceFilter;
  String: Scalars['String']['output'];
  TimeRangeInput: TimeRangeInput;
};

export type CountSeriesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CountSeries'] = ResolversParentTypes['CountSeries']> = {
  buckets?: Resolver<Array<ResolversTypes['DateTime']>, ParentType, ContextType>;
  grain?: Resolver<ResolversTypes['Grain'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['CountSeriesGroup']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type CountSeriesGroupResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CountSeriesGroup'] = ResolversParentTypes['CountSeriesGroup']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DimensionValueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DimensionValue'] = ResolversParentTypes['DimensionValue']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DimensionsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dimensions'] = ResolversParentTypes['Dimensions']> = {
  dataFrom?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dataTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  policies?: Resolver<Array<ResolversTypes['DimensionValue']>, ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['DimensionValue']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  dimensions?: Resolver<ResolversTypes['Dimensions'], ParentType, ContextType>;
  moderationDecisions?: Resolver<ResolversTypes['CountSeries'], ParentType, ContextType, RequireFields<QueryModerationDecisionsArgs, 'grain' | 'range'>>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  CountSeries?: CountSeriesResolvers<ContextType>;
  CountSeriesGroup?: CountSeriesGroupResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DimensionValue?: DimensionValueResolvers<ContextType>;
  Dimensions?: DimensionsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};


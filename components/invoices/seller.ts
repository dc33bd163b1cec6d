/** The seller block printed on every invoice. */
export const SELLER = {
  name: 'Messaging Cloud Ltd.',
  address: ['18/F Harbour Tower, 1 Cloud Avenue', 'Shenzhen, Guangdong 518000, China'],
  email: 'billing@messaging-cloud.example',
  taxId: '91440300MA5CLOUD01',
} as const;
